{{ config(tags=['indikator']) }}
{#- GNV_LAKARE_SABO_VID_BEHOV: possibility to meet a doctor when needed in särskilt boende - share (%) of the
    primary-care contacts of residents of särskilt boende (boendeform 'sabo') that concerned a need to meet a doctor
    (lakarbehov J) where a doctor (yrkeskategori 'lakare') assessed the patient within var gnv_bedomning_max_dygn
    (3 [I]) calendar days; by date of the first contact, per municipality and quarter, half-year and year. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

handelser as (
    select
        kommun_kod,
        person_id,
        kontakt_datum as datum,
        case when yrkeskategori = 'lakare' and is_bedomd_inom_grans then 1 else 0 end as taljare_bidrag,
        1 as namnare_bidrag
    from {{ ref('int_primarvard_kontakter') }}
    where boendeform = 'sabo' and is_lakarbehov
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 100) | indent(4) }}
),

final as (
    {{ indikator_kolumner('GNV_LAKARE_SABO_VID_BEHOV', 'aggregerade') | indent(4) }}
)

select * from final
