with base as (
    select * from {{ ref('base_verksamhet__insatser') }}
),

final as (
    select
        kommun_kod,
        person_id,
        kon,
        fodelsedatum,
        period,
        ar,
        manad,
        lokal_insats_kod,
        regi,
        volymtyp,
        volym,
        enhet,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
