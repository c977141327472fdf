{{ config(tags=['indikator']) }}

{# SIP_KVA_MOTEN: SIP meetings counted from KVÅ registrations per municipality and quarter, deduplicated per
    person and meeting day (indikatorer.sip_kva_moten shows the duplicates removed and the coverage against SAMSA).
    A count: namnare 1. #}

with

kva_moten as (
    select * from {{ ref('int_sip_kva_kvartal') }}
),

beraknad as (
    select
        kommun_kod,
        'kvartal' as period_typ,
        kvartal_start as period_start,
        kvartal_slut as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        antal_moten as taljare,
        1 as namnare,
        antal_moten as varde,
        antal_personer
    from kva_moten
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_KVA_MOTEN', 'beraknad') }}
)

select * from final
