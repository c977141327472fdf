with base as (
    select * from {{ ref('base_primarvard__kontakter') }}
),

final as (
    select
        kontakt_id,
        person_id,
        kommun_kod,
        vardcentral,
        boendeform,
        kontakt_datum,
        bedomning_datum,
        yrkeskategori,
        plats,
        is_lakarbehov,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
