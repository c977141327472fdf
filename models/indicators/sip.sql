{#- indikatorer.sip: one row per SIP (grain sip_id). Public, contracted; the logic is in int_sip_planer. -#}

with

planer as (
    select * from {{ ref('int_sip_planer') }}
),

final as (
    select
        sip_id,
        person_id,
        kommun_kod,
        startad_tid,
        upprattad_tid,
        upprattad_datum,
        upprattad_ar,
        antal_uppfoljningar,
        senaste_uppfoljning_tid,
        avslutad_tid,
        upprattad_motesform,
        sip_status,
        antal_enheter,
        enheter,
        has_kommun,
        has_primarvard,
        has_psykiatri,
        has_slutenvard,
        has_ovrig,
        halsovalsenhet,
        klinik
    from planer
)

select * from final
{{- radordning() }}
