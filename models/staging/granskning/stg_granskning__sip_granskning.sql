with base as (
    select * from {{ ref('base_granskning__sip_granskning') }}
),

final as (
    select
        sip_id,
        kommun_kod,
        granskningsdatum,
        ar,
        mal_nr,
        is_specifikt,
        is_matbart,
        is_accepterat,
        is_realistiskt,
        is_tidsatt,
        mal_status,
        ansvar_tydligt,
        samarbete,
        resurser,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
