{{ config(tags=['indikator']) }}
{#- GNV_LAKARBESOK_HEMMET: the number of doctor's visits in the patient's home, ordinary housing ('hem') or
    särskilt boende ('sabo'): primary-care contacts assessed by a doctor (yrkeskategori 'lakare') at place hem or
    sabo, by date of the assessment; per municipality and quarter, half-year and year; also per place (dimension
    'plats'). A count: taljare = visits, namnare 1, varde = taljare; antal_personer = the distinct patients. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

with

handelser as (
    select
        kommun_kod,
        person_id,
        plats,
        bedomning_datum as datum,
        1 as taljare_bidrag,
        1 as namnare_bidrag
    from {{ ref('int_primarvard_kontakter') }}
    where
        yrkeskategori = 'lakare'
        and plats in ('hem', 'sabo')
        and bedomning_datum is not null
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1, ['plats']) | indent(4) }}
),

antal as (
    {{ indikator_som_antal('aggregerade') | indent(4) }}
),

final as (
    {{ indikator_kolumner('GNV_LAKARBESOK_HEMMET', 'antal') | indent(4) }}
)

select * from final
