{{ config(tags=['indikator']) }}
{#- AVV_PER_1000_UTSKRIVNINGAR: deviations (avvikelser i samverkan) per 1 000 discharges from inpatient care, per
    municipality and quarter, half-year and year: taljare = deviations dated in the period (int_avvikelser),
    namnare = the municipality's inpatients discharged in the period (int_ukd_episoder, not ongoing; every vardform),
    varde = taljare / namnare × 1 000. antal_personer = the distinct discharged persons (the denominator's). -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

avvikelser as (
    select * from {{ ref('int_avvikelser') }}
),

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

handelser as (
    select
        kommun_kod,
        person_id,
        datum,
        1 as taljare_bidrag,
        0 as namnare_bidrag
    from avvikelser
    union all
    select
        kommun_kod,
        person_id,
        cast(utskrivning_tid as date) as datum,
        0 as taljare_bidrag,
        1 as namnare_bidrag
    from episoder
    where not is_pagaende
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1000) | indent(4) }}
),

final as (
    {{ indikator_kolumner('AVV_PER_1000_UTSKRIVNINGAR', 'aggregerade') | indent(4) }}
)

select * from final
