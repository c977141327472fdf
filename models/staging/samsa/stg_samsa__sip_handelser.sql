with base as (
    select * from {{ ref('base_samsa__sip_handelser') }}
),

final as (
    select
        sip_id,
        person_id,
        kommun_kod,
        handelse,
        handelse_tid,
        enhet_id,
        enhet_typ,
        halsovalsenhet,
        klinik,
        motesform,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
