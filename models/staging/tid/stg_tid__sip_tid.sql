with base as (
    select * from {{ ref('base_tid__sip_tid') }}
),

final as (
    select
        kommun_kod,
        huvudman,
        sip_id,
        datum,
        ar,
        yrkesroll,
        minuter,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
