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

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

handelser as (
    select
        kommun_kod,
        person_id,
        utskrivning_datum as datum,
        sjukhus,
        klinik,
        case when has_aterinskrivning_30d then 1 else 0 end as taljare_bidrag,
        1 as namnare_bidrag
    from utskrivningar
    where
        is_65_plus
        and is_fonster_komplett
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 100, ['sjukhus', 'klinik']) | indent(4) }}
),

final as (
    {{ indikator_kolumner('ATERINSKRIVNING_30D_65', 'aggregerade') | indent(4) }}
)

select * from final
