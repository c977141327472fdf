{{ config(tags=['indikator']) }}
{#- AVV_ANTAL: number of deviations (avvikelser i samverkan) per municipality and month, quarter, half-year and
    year, by date of the deviation; also per principal pair (dimension 'huvudmannapar'), category ('kategori'),
    steering document ('styrdokument') and severity ('allvarlighet'). A count: taljare = the number, namnare 1,
    varde = taljare. antal_personer = the number of deviations (int_avvikelser). -#}
{%- set period_typer = ['manad', 'kvartal', 'halvar', 'ar'] %}

with

handelser as (
    select
        *,
        1 as taljare_bidrag,
        1 as namnare_bidrag
    from {{ ref('int_avvikelser') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1,
        ['huvudmannapar', 'kategori', 'styrdokument', 'allvarlighet']) | indent(4) }}
),

antal as (
    {{ indikator_som_antal('aggregerade') | indent(4) }}
),

final as (
    {{ indikator_kolumner('AVV_ANTAL', 'antal') | indent(4) }}
)

select * from final
