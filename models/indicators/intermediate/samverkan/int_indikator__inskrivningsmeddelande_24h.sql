{{ config(tags=['indikator']) }}
{#- INSKRIVNINGSMEDDELANDE_24H: share (%) of the episodes in coordinated discharge planning (a SAMSA row), by date of
    admission, whose inskrivningsmeddelande was sent within 24 hours (1 440 minutes) of admission. A missing notice
    counts as not within 24 hours. -#}
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
        cast(inskrivning_tid as date) as datum,
        case
            when
                inskrivningsmeddelande_tid is not null
                and {{ datum_minuter_mellan('inskrivning_tid', 'inskrivningsmeddelande_tid') }} <= 24 * 60
                then 1
            else 0
        end as taljare_bidrag,
        1 as namnare_bidrag
    from episoder
    where has_samordnad_utskrivning
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 100) | indent(4) }}
),

final as (
    {{ indikator_kolumner('INSKRIVNINGSMEDDELANDE_24H', 'aggregerade') | indent(4) }}
)

select * from final
