{{ config(tags=['indikator']) }}

{# SIP_DELAKTIGHET_MEDEL: mean participation index (1–5) of the survey sheets that have one. Per municipality and
    year; 'alla' and per respondent type. taljare = sum of the indices, namnare = sheets with an index. #}

with

blad as (
    select * from {{ ref('int_sip_enkat_blad') }}
),

{{ indikator_medel('SIP_DELAKTIGHET_MEDEL', 'blad', 'delaktighetsindex', dimensioner=none,
    antal_personer='count(delaktighetsindex)') }}
