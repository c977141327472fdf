{{ config(tags=['indikator']) }}

{# SIP_KVA_MOTEN: SIP meetings counted from KVÅ registrations per municipality and quarter, deduplicated per
    person and meeting day (indikatorer.sip_kva_moten shows the duplicates removed and the coverage against SAMSA).
    A count: namnare 1. #}

with

kva_moten as (
    select * from {{ ref('int_sip_kva_kvartal') }}
),

{{ indikator_antal('SIP_KVA_MOTEN', 'kva_moten', 'antal_moten', 'antal_personer',
    ('kvartal', 'kvartal_start', 'kvartal_slut')) }}
