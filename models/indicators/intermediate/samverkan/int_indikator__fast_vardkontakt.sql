{{ config(tags=['indikator']) }}
{#- FAST_VARDKONTAKT: share (%) of the discharged episodes where the municipal health care was given an assignment
    (uppdrag_kommunal_hsl) that had a fast vårdkontakt appointed (fast_vardkontakt_tid present), by discharge date. -#}
{%- set period_typer = ['kvartal', 'ar'] %}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

utskrivna as (
    select
        *,
        cast(utskrivning_tid as date) as datum
    from episoder
    where
        is_uppdrag_kommunal_hsl
        and not is_pagaende
),

{{ indikator_andel('FAST_VARDKONTAKT', 'utskrivna', 'fast_vardkontakt_tid is not null', period_typer) }}
