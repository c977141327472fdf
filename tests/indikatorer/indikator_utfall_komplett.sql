{#- Severity: a warning by default, because a municipality without the optional files (survey, review, time
    reports, Kolada) has no rows for the indicators built on them; the test session builds the demo with
    --vars '{utfall_komplett_allvarlighet: error}', where everything the catalogue marks computable must be there. -#}
{{ config(tags=['indikatorer', 'utfall'], severity=installning('utfall_komplett_allvarlighet')) }}
{#- Every catalogue row with demo_berakningsbar = true appears in utfall for every municipality in utfall and every
    period of each of its period types in the data — every period between the first and the last period of that
    type in utfall, over all indicators — and has rows for every period type it lists. Rows returned = what is missing. (A catalogue row whose model is missing or empty shows up here;
    an indicator in utfall without a catalogue row fails the relationships test on utfall.indikator_id.) -#}

with

katalog as (
    select * from {{ ref('indikator_katalog') }}
),

utfall as (
    select * from {{ ref('utfall') }}
),

period_typer as (
    select 'manad' as period_typ
    union all
    select 'kvartal' as period_typ
    union all
    select 'halvar' as period_typ
    union all
    select 'ar' as period_typ
),

forvantade_typer as (
    select
        katalog.indikator_id,
        period_typer.period_typ
    from katalog
    cross join period_typer
    where
        katalog.demo_berakningsbar
        and {{ indikator_period_typer_normaliserad('katalog.period_typer') }}
        like '%|' || period_typer.period_typ || '|%'
),

indikator_periodtyper as (
    select distinct
        indikator_id,
        period_typ
    from utfall
),

-- each indicator from its own first period (sources reach back differently: the region's grid starts at the
-- earliest admission in the extract, SIP and KPB at their first year) to the last period of its type over all
-- indicators (every source ends with the data), so a gap or a missing latest period is found
sista_perioder as (
    select
        period_typ,
        max(period_start) as sista_period
    from utfall
    group by period_typ
),

spann as (
    select
        utfall.indikator_id,
        utfall.period_typ,
        min(utfall.period_start) as forsta_period,
        max(sista_perioder.sista_period) as sista_period
    from utfall
    inner join sista_perioder
        on utfall.period_typ = sista_perioder.period_typ
    group by utfall.indikator_id, utfall.period_typ
),

saknade_periodtyper as (
    select
        forvantade_typer.indikator_id,
        forvantade_typer.period_typ,
        cast(null as {{ indikator_typ_text() }}) as kommun_kod,
        cast(null as date) as period_start,
        'inga rader för periodtypen' as fel
    from forvantade_typer
    left join indikator_periodtyper
        on {{ lika_kolumner('forvantade_typer', 'indikator_periodtyper', ['indikator_id', 'period_typ']) }}
    where indikator_periodtyper.indikator_id is null
),

dagar as (
    {{ datum_spine(
        '(select min(utfall.period_start) from utfall)',
        '(select max(utfall.period_start) from utfall)') | indent(4) }}
),

periodstarter as (
    {%- for period_typ in ['manad', 'kvartal', 'halvar', 'ar'] %}
        select
            '{{ period_typ }}' as period_typ,
            datum as period_start
        from dagar
        where datum = {{ datum_period_start(period_typ, 'datum') }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

kommuner as (
    select distinct kommun_kod from utfall
),

forvantade_rader as (
    select
        forvantade_typer.indikator_id,
        forvantade_typer.period_typ,
        kommuner.kommun_kod,
        periodstarter.period_start
    from forvantade_typer
    inner join spann
        on {{ lika_kolumner('forvantade_typer', 'spann', ['indikator_id', 'period_typ']) }}
    inner join periodstarter
        on
            forvantade_typer.period_typ = periodstarter.period_typ
            and spann.forsta_period <= periodstarter.period_start
            and spann.sista_period >= periodstarter.period_start
    cross join kommuner
),

saknade_rader as (
    select
        forvantade_rader.indikator_id,
        forvantade_rader.period_typ,
        forvantade_rader.kommun_kod,
        forvantade_rader.period_start,
        'rad saknas för kommun och period' as fel
    from forvantade_rader
    left join utfall
        on {{ lika_kolumner('forvantade_rader', 'utfall', [
            'indikator_id', 'period_typ', 'kommun_kod', 'period_start']) }}
    where utfall.indikator_id is null
),

final as (
    select * from saknade_periodtyper
    union all
    select * from saknade_rader
)

select * from final
