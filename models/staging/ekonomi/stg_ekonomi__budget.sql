with base as (
    select * from {{ ref('base_ekonomi__budget') }}
),

final as (
    select
        kommun_kod,
        ar,
        verksamhet,
        aktivitet,
        belopp,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
