with base as (
    select * from {{ ref('base_extern__kolada') }}
),

final as (
    select
        kpi,
        kommun_kod,
        ar,
        kon,
        varde,
        antal,
        status,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
