{{ config(tags=['indikator']) }}
{#- GNV_BEDOMNING_VC_3_DYGN: share (%) of the primary-care contacts (first contact = a new care request) assessed
    within var gnv_bedomning_max_dygn (3 [I]) calendar days of the first contact, by date of the first contact; per
    municipality (the patient's) and month, quarter, half-year and year; also per vårdcentral. A contact without
    assessment counts in the denominator only. -#}
{%- set period_typer = ['manad', 'kvartal', 'halvar', 'ar'] %}

with

handelser as (
    select
        kommun_kod,
        person_id,
        vardcentral,
        kontakt_datum as datum,
        case when is_bedomd_inom_grans then 1 else 0 end as taljare_bidrag,
        1 as namnare_bidrag
    from {{ ref('int_primarvard_kontakter') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 100, ['vardcentral']) | indent(4) }}
),

final as (
    {{ indikator_kolumner('GNV_BEDOMNING_VC_3_DYGN', 'aggregerade') | indent(4) }}
)

select * from final
