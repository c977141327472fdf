{{ config(tags=['indikator']) }}
{#- INSKRIVNINGSMEDDELANDE_24H: share (%) of the episodes in coordinated discharge planning (a SAMSA row), by date of
    admission, whose inskrivningsmeddelande was sent within 24 hours (1 440 minutes) of admission. A missing notice
    counts as not within 24 hours. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

inskrivna as (
    select
        *,
        cast(inskrivning_tid as date) as datum,
        coalesce(
            {{ datum_minuter_mellan('inskrivning_tid', 'inskrivningsmeddelande_tid') }} <= 24 * 60, false
        ) as is_inom_24h
    from episoder
    where has_samordnad_utskrivning
),

{{ indikator_andel('INSKRIVNINGSMEDDELANDE_24H', 'inskrivna', 'is_inom_24h', period_typer) }}
