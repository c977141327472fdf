{{ config(tags=['indikator']) }}
{#- UKD_NATIONELL: the national measure (SKR Väntetider i vården): mean utskrivningsklara dagar over the episodes
    that ended in the month with at least one such day; all ages, somatic and psychiatric care. -#}
{%- set period_typer = ['manad'] %}

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
        not is_pagaende
        and utskrivningsklara_dagar >= 1
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1) | indent(4) }}
),

final as (
    {{ indikator_kolumner('UKD_NATIONELL', 'aggregerade') | indent(4) }}
)

select * from final
