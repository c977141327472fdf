{{ config(tags=['indikator']) }}
{#- ATERINSKRIVNING_30D_65: share (%) of the discharges of persons aged 65 or over (on the day of discharge) that were
    followed by an unplanned (acute) admission 1–30 days after the day of discharge (Kolada U79092 construction [I];
    int_aterinskrivning_30d). Period by discharge date; discharges whose 30-day window passes the calculation date
    are left out of the denominator. Also per discharging hospital (dimension sjukhus) and clinic (klinik). -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

utskrivningar as (
    select * from {{ ref('int_aterinskrivning_30d') }}
),

bedomda as (
    select
        *,
        utskrivning_datum as datum
    from utskrivningar
    where
        is_65_plus
        and is_fonster_komplett
),

{{ indikator_andel('ATERINSKRIVNING_30D_65', 'bedomda', 'has_aterinskrivning_30d', period_typer,
    ['sjukhus', 'klinik']) }}
