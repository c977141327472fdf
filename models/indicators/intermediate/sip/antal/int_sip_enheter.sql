{#- The units that took part in each SIP (any of its events), one row per plan and unit, with the unit's
    hälsovalsenhet and klinik: the bridge for counting plans per hälsovalsenhet and per klinik. -#}

with

handelser as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

final as (
    select
        sip_id,
        enhet_id,
        min(enhet_typ) as enhet_typ,
        min(halsovalsenhet) as halsovalsenhet,
        min(klinik) as klinik
    from handelser
    where enhet_id is not null
    group by sip_id, enhet_id
)

select * from final
