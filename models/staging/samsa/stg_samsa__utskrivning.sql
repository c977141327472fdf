with base as (
    select * from {{ ref('base_samsa__utskrivning') }}
),

final as (
    select
        vardtillfalle_id,
        person_id,
        kommun_kod,
        inskrivningsmeddelande_tid,
        utskrivningsklar_tid,
        fast_vardkontakt_tid,
        is_uppdrag_kommunal_hsl,
        has_utskrivningsplan,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
