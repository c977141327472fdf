with base as (
    select * from {{ ref('base_region__vardtillfallen') }}
),

final as (
    select
        vardtillfalle_id,
        person_id,
        kon,
        fodelsedatum,
        kommun_kod,
        sjukhus,
        klinik,
        vardform,
        is_akut,
        inskrivning_tid,
        utskrivning_tid,
        huvuddiagnos,
        yttre_orsak,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
