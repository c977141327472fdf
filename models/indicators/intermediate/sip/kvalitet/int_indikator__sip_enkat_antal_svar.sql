{{ config(tags=['indikator']) }}

{# SIP_ENKAT_ANTAL_SVAR: number of answer sheets (n) of the SIP participation survey, per municipality and year;
    'alla' and per respondent type. A count: namnare 1. #}

with

blad as (
    select * from {{ ref('int_sip_enkat_blad') }}
),

{{ indikator_antal('SIP_ENKAT_ANTAL_SVAR', 'blad', 'count(*)', 'count(*)', dimensioner=none) }}
