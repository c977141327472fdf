with base as (
    select * from {{ ref('base_nationell_enkat__andelar') }}
),

final as (
    select
        undersokning,
        fraga_id,
        ar,
        lan_kod,
        kommun_kod,
        andel,
        antal_svar,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
