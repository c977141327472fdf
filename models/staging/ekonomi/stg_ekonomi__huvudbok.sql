with base as (
    select * from {{ ref('base_ekonomi__huvudbok') }}
),

final as (
    select
        kommun_kod,
        period,
        ar,
        manad,
        konto,
        ansvar,
        verksamhet,
        aktivitet,
        projekt,
        motpart,
        belopp,
        concat(kalla_fil, ':', kalla_rad) as huvudbok_rad_id,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
