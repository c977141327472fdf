with base as (
    select * from {{ ref('base_region__kva') }}
),

final as (
    select
        vardkontakt_id,
        person_id,
        kommun_kod,
        datum,
        kva_kod,
        enhet_id,
        halsovalsenhet,
        klinik,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
