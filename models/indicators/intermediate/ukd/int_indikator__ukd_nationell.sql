{{ config(tags=['indikator']) }}
{#- UKD_NATIONELL: the national measure (SKR Väntetider i vården): mean utskrivningsklara dagar over the episodes
    that ended in the month with at least one such day; all ages, somatic and psychiatric care. -#}
{%- set period_typer = ['manad'] %}

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
        not is_pagaende
        and utskrivningsklara_dagar >= 1
),

{{ indikator_medel('UKD_NATIONELL', 'utskrivna', 'utskrivningsklara_dagar', period_typer) }}
