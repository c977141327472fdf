{{ config(tags=['indikator']) }}

{# SIP_DELAKTIGHET_HOG: share (%) of survey respondents whose participation index is at least the threshold
    (sip_parametrar.delaktighetsindex_grans, 4 [I]), among sheets with an index (at least half the items answered).
    Per municipality and year; 'alla' and per respondent type. antal_personer = sheets (one respondent each). #}

with

blad as (
    select * from {{ ref('int_sip_enkat_blad') }}
),

{{ indikator_andel('SIP_DELAKTIGHET_HOG', 'blad', 'is_hogt_index', dimensioner=none,
    i_namnaren='has_index', antal_personer='sum(case when has_index then 1 else 0 end)') }}
