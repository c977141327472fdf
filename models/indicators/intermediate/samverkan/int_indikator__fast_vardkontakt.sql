{{ config(tags=['indikator']) }}
{#- FAST_VARDKONTAKT: share (%) of the discharged episodes where the municipal health care was given an assignment
    (uppdrag_kommunal_hsl) that had a fast vårdkontakt appointed (fast_vardkontakt_tid present), by discharge date. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

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
        cast(utskrivning_tid as date) as datum,
        case when fast_vardkontakt_tid is not null then 1 else 0 end as taljare_bidrag,
        1 as namnare_bidrag
    from episoder
    where
        is_uppdrag_kommunal_hsl
        and not is_pagaende
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 100) | indent(4) }}
),

final as (
    {{ indikator_kolumner('FAST_VARDKONTAKT', 'aggregerade') | indent(4) }}
)

select * from final
