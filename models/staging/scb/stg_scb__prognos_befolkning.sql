with base as (
    select * from {{ ref('base_scb__prognos_befolkning') }}
),

final as (
    select
        kommun_kod,
        ar,
        alder,
        kon,
        antal,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
