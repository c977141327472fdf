{{ config(tags=['indikator']) }}

{# SIP_UPPFOLJDA: number of SIPs followed up at least once (uppfoljd) per municipality and quarter, also per
    hälsovalsenhet and klinik that took part
    (from SAMSA's events; see int_sip_antal_kvartal). A count: namnare 1. #}

with

antal as (
    select * from {{ ref('int_sip_antal_kvartal') }}
),

beraknad as (
    select
        kommun_kod,
        'kvartal' as period_typ,
        kvartal_start as period_start,
        kvartal_slut as period_slut,
        dimension,
        dimension_varde,
        antal_planer as taljare,
        1 as namnare,
        antal_planer as varde,
        antal_personer
    from antal
    where matt = 'uppfoljda'
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_UPPFOLJDA', 'beraknad') }}
)

select * from final
