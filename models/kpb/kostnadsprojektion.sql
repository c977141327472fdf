-- Projection of KPB cost per age band (issue 22): the municipality's cost per invånare per age band in its latest
-- KPB year (kpb.konsumtion: total_kostnad / antal_invanare) × SCB's population forecast for the band (optional file
-- scb/prognos_befolkning*.csv), for the years after that base year up to var kpb_projektion_ar (10) years ahead.
-- ASSUMPTION [I]: the cost per invånare of each age band stays as in the base year (constant prices and
-- consumption patterns; only the size of the age bands changes), the question every äldreomsorg plan asks.
--   projicerad_kostnad = kostnad_bas × antal_invanare_prognos / antal_invanare_bas (rounded to the öre);
--   a band without inhabitants in the base year has no projection (NULL).
{%- set horisont = installning('kpb_projektion_ar') %}
with

konsumtion as (
    select * from {{ ref('konsumtion') }}
),

prognos as (
    select * from {{ ref('stg_scb__prognos_befolkning') }}
),

aldersgrupper as (
    select * from {{ ref('kpb_aldersgrupper') }}
),

basar as (
    select
        kommun_kod,
        max(ar) as bas_ar
    from konsumtion
    group by kommun_kod
),

bas as (
    select
        konsumtion.kommun_kod,
        konsumtion.ar as bas_ar,
        konsumtion.aldersgrupp,
        konsumtion.antal_invanare as antal_invanare_bas,
        konsumtion.total_kostnad as kostnad_bas
    from konsumtion
    inner join basar
        on konsumtion.kommun_kod = basar.kommun_kod and konsumtion.ar = basar.bas_ar
),

prognos_per_grupp as (
    {{ per_aldersband('prognos', 'aldersgrupper', 'aldersgrupp',
        [('sum(prognos.antal)', 'antal_invanare_prognos')]) | indent(4) }}
),

final as (
    select
        bas.kommun_kod,
        cast(bas.bas_ar as integer) as bas_ar,
        cast(prognos_per_grupp.ar as integer) as ar,
        bas.aldersgrupp,
        cast(bas.antal_invanare_bas as bigint) as antal_invanare_bas,
        cast(prognos_per_grupp.antal_invanare_prognos as bigint) as antal_invanare_prognos,
        cast(bas.kostnad_bas as decimal(18, 2)) as kostnad_bas,
        cast(
            case
                when bas.antal_invanare_bas > 0
                    then round(bas.kostnad_bas / bas.antal_invanare_bas, 2)
            end as decimal(18, 2)
        ) as kostnad_per_invanare_bas,
        cast(
            case
                when bas.antal_invanare_bas > 0
                    then round(
                        bas.kostnad_bas * prognos_per_grupp.antal_invanare_prognos / bas.antal_invanare_bas, 2
                    )
            end as decimal(18, 2)
        ) as projicerad_kostnad
    from bas
    inner join prognos_per_grupp
        on {{ lika_kolumner('bas', 'prognos_per_grupp', ['kommun_kod', 'aldersgrupp']) }}
    where
        prognos_per_grupp.ar > bas.bas_ar
        and prognos_per_grupp.ar <= bas.bas_ar + {{ horisont }}
)

select * from final
{{- radordning() }}
