{{ config(tags=['indikator']) }}
{#- UKD_PSYK_MEDEL: average utskrivningsklara dagar per psychiatric episode discharged in the period, per municipality
    and quarter (Kalmar: reported separately) and year. Same counting and population as UKD_SOMATIK_MEDEL. -#}
{%- set population = var('ukd_medel_population', 'underrattade') %}
{%- set krav_underrattelse = 'has_underrattelse' if population == 'underrattade' else 'true' %}
{%- set period_typer = ['kvartal', 'ar'] %}

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
        utskrivningsklara_dagar as taljare_bidrag,
        1 as namnare_bidrag
    from episoder
    where
        vardform = 'psykiatri'
        and not is_pagaende
        and {{ krav_underrattelse }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1) | indent(4) }}
),

final as (
    {{ indikator_kolumner('UKD_PSYK_MEDEL', 'aggregerade') | indent(4) }}
)

select * from final
