{{ config(tags=['indikator']) }}
{#- UKD_SOMATIK_MEDEL: average utskrivningsklara dagar per somatic episode discharged in the period, per municipality,
    month, half-year (Kalmar) and year. Numerator: the days (int_ukd_episoder.utskrivningsklara_dagar, same-day
    discharge 0); denominator: the episodes. Population var('ukd_medel_population'): 'underrattade' (default [I]:
    episodes with an underrättelse) or 'alla_utskrivna' (every discharged episode). Ongoing episodes are not in it. -#}
{%- set population = var('ukd_medel_population', 'underrattade') %}
{%- set krav_underrattelse = 'has_underrattelse' if population == 'underrattade' else 'true' %}
{%- set period_typer = ['manad', 'halvar', 'ar'] %}

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
        vardform = 'somatik'
        and not is_pagaende
        and {{ krav_underrattelse }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1) | indent(4) }}
),

final as (
    {{ indikator_kolumner('UKD_SOMATIK_MEDEL', 'aggregerade') | indent(4) }}
)

select * from final
