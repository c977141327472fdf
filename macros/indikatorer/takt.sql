{#- Rate per population: the indicators whose value is events per 1 000 or 100 000 persons — of a population in the
    rows (indikator_takt), of the inhabitants from an age (indikator_takt_per_invanare, crude), or directly
    age-standardised to a standard population (indikator_aldersstandardiserad). -#}

{#- The start of a rate indicator model: `with` and the CTEs underlag (the events' model `modell`: kommun_kod, ar,
    alder on 31 December, person_id), befolkning (stg_scb__befolkning, 31 December) and ar_med_data (the years with
    rows in `modell`, any municipality). -#}
{% macro indikator_takt_kallor(modell) -%}
with

underlag as (
    select * from {{ ref(modell) }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

ar_med_data as (
    select distinct ar from underlag
),
{%- endmacro %}

{#- The rest of a yearly rate indicator model whose population is in the rows (its CTEs from `per_dimension` on, and
    the select): per municipality and year `ar` of the CTE `rader` (indikator_per_ar), taljare = the aggregate
    expression `handelser` (the events), namnare = `befolkning` (the population), varde = taljare / namnare × `per`.
    `dimensioner`, `antal_personer`: as indikator_per_ar. -#}
{% macro indikator_takt(indikator_id, rader, handelser, befolkning, per, antal_personer, dimensioner=[]) -%}
{{ kommunanalys.indikator_per_ar(indikator_id, rader, handelser, befolkning, antal_personer, per, dimensioner) }}
{%- endmacro %}

{#- The whole body of a crude yearly rate per inhabitants (GNV_FALL_SLUTENVARD_80): the rows of the model `modell`
    (kommun_kod, ar, alder on 31 December, person_id) where `villkor` holds, of persons aged `fran_alder` and over,
    per `per` inhabitants of that age (stg_scb__befolkning, 31 December), per municipality and year; the years are
    those with rows in `modell` (any municipality), and every municipality with population then gets a row.
    antal_personer = the distinct persons counted. -#}
{% macro indikator_takt_per_invanare(indikator_id, modell, villkor, fran_alder, per) -%}
{{ indikator_takt_kallor(modell) }}

invanare as (
    select
        befolkning.kommun_kod,
        befolkning.ar,
        sum(befolkning.antal) as antal_invanare
    from befolkning
    inner join ar_med_data on befolkning.ar = ar_med_data.ar
    where befolkning.alder >= {{ fran_alder }}
    group by befolkning.kommun_kod, befolkning.ar
),

raknade as (
    select
        kommun_kod,
        ar,
        count(*) as antal_handelser,
        count(distinct person_id) as antal_personer
    from underlag
    where {{ villkor }} and alder >= {{ fran_alder }}
    group by kommun_kod, ar
),

beraknad as (
    select
        invanare.kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('invanare.ar') }} as period_start,
        {{ sip_ar_slut('invanare.ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        coalesce(raknade.antal_handelser, 0) as taljare,
        invanare.antal_invanare as namnare,
        {{ kommunanalys.indikator_kvot(
            'coalesce(raknade.antal_handelser, 0)', 'invanare.antal_invanare', per) }} as varde,
        coalesce(raknade.antal_personer, 0) as antal_personer
    from invanare
    left join raknade
        on {{ lika_kolumner('invanare', 'raknade', ['kommun_kod', 'ar']) }}
),

{{ kommunanalys.indikator_slut(indikator_id, 'beraknad') }}
{%- endmacro %}

{#- The whole body of a directly age-standardised yearly rate (GNV_VARDTILLFALLEN_ALDERSSTAND, GNV_FALLSKADOR_65),
    as the public statistics publish it:
        varde = Σ_b w_b × (events_b / inhabitants_b) × per / Σ_b w_b
    over the age bands b of the standard population (seed standardbefolkning, installning('standardbefolkning'),
    default ESP 2013) — those from `fran_alder` on when it is given — with the standard's weights w_b; a band
    without population contributes a rate of 0. taljare = Σ_b w_b × rate_b × per, namnare = Σ_b w_b.
    rate_b × per is one indikator_kvot (faktor `per`), so that the rounding rule's 6 decimals apply to the rate per
    `per`, not to a rate of 0.0123….
    The events: the rows of the model `modell` (kommun_kod, ar, alder on 31 December, person_id) where `villkor`
    holds, placed in a band by their age; the population: stg_scb__befolkning (31 December).
    Rows: dimension 'alla' per municipality and year that has rows in `modell` (any municipality) and population;
    with `tre_ar`, also dimension 'period' / 'tre_ar', the three-year average for small municipalities: events and
    population of the year and the two before pooled per band, then standardised; only for years whose three years
    all have population. antal_personer = the distinct persons of the events counted (aged `fran_alder` and over
    when it is given), in the year or in the three years. -#}
{% macro indikator_aldersstandardiserad(indikator_id, modell, villkor='true', fran_alder=none, per=100000,
    tre_ar=false) -%}
{{ indikator_takt_kallor(modell) }}

standardbefolkning as (
    select * from {{ ref('standardbefolkning') }}
    where
        standard = '{{ installning('standardbefolkning') }}'
        {%- if fran_alder is not none %}
        and alder_fran >= {{ fran_alder }}
        {%- endif %}
),

handelser as (
    select * from underlag
    where
        {{ villkor }}
        {%- if fran_alder is not none %}
        and alder >= {{ fran_alder }}
        {%- endif %}
),

{# the periods: each year alone, and (tre_ar) each year with the two before it #}
perioder as (
    select
        'alla' as dimension,
        'alla' as dimension_varde,
        ar as period_ar,
        ar
    from ar_med_data
    {%- for steg in ([0, 1, 2] if tre_ar else []) %}
    union all
    select
        'period' as dimension,
        'tre_ar' as dimension_varde,
        ar as period_ar,
        ar - {{ steg }} as ar
    from ar_med_data
    {%- endfor %}
),

invanare_per_band as (
    {{ per_aldersband('befolkning', 'standardbefolkning', 'aldersband',
        [('sum(befolkning.antal)', 'antal_invanare')]) | indent(4) }}
),

handelser_per_band as (
    {{ per_aldersband('handelser', 'standardbefolkning', 'aldersband', [('count(*)', 'antal_handelser')]) | indent(4) }}
),

{# population and events per municipality, period and band; the number of years with population data #}
poolade as (
    select
        invanare_per_band.kommun_kod,
        perioder.dimension,
        perioder.dimension_varde,
        perioder.period_ar,
        invanare_per_band.aldersband,
        count(distinct invanare_per_band.ar) as antal_ar_med_befolkning,
        sum(invanare_per_band.antal_invanare) as antal_invanare,
        sum(coalesce(handelser_per_band.antal_handelser, 0)) as antal_handelser
    from perioder
    inner join invanare_per_band
        on perioder.ar = invanare_per_band.ar
    left join handelser_per_band
        on {{ lika_kolumner('invanare_per_band', 'handelser_per_band', ['kommun_kod', 'ar', 'aldersband']) }}
    group by
        invanare_per_band.kommun_kod,
        perioder.dimension,
        perioder.dimension_varde,
        perioder.period_ar,
        invanare_per_band.aldersband
),

{# a period counts when every one of its years has population (one year, or three) #}
giltiga as (
    select
        kommun_kod,
        dimension,
        dimension_varde,
        period_ar
    from poolade
    group by kommun_kod, dimension, dimension_varde, period_ar
    having max(antal_ar_med_befolkning) = case when dimension = 'alla' then 1 else 3 end
),

band_takt as (
    select
        giltiga.kommun_kod,
        giltiga.dimension,
        giltiga.dimension_varde,
        giltiga.period_ar,
        standardbefolkning.aldersband,
        -- decimal(19,4) x the rate's decimal(18,6) = decimal(37,10): exact on both engines (DuckDB keeps an
        -- (18,4) x (18,6) product in 18 digits and overflows; Spark cuts a product wider than 38 digits to 6 decimals)
        cast(standardbefolkning.vikt as decimal(19, 4)) as vikt,
        coalesce(
            {{ kommunanalys.indikator_kvot('poolade.antal_handelser', 'poolade.antal_invanare', per) }}, 0
        ) as takt
    from giltiga
    cross join standardbefolkning
    left join poolade
        on
            {{ lika_kolumner('giltiga', 'poolade', ['kommun_kod', 'dimension', 'period_ar']) }}
            and standardbefolkning.aldersband = poolade.aldersband
),

standardiserad as (
    select
        kommun_kod,
        dimension,
        dimension_varde,
        period_ar,
        sum(vikt * takt) as viktad_takt,
        sum(vikt) as summa_vikt
    from band_takt
    group by kommun_kod, dimension, dimension_varde, period_ar
),

personer as (
    select
        giltiga.kommun_kod,
        giltiga.dimension,
        giltiga.period_ar,
        count(distinct handelser.person_id) as antal_personer
    from giltiga
    inner join perioder
        on giltiga.dimension = perioder.dimension and giltiga.period_ar = perioder.period_ar
    inner join handelser
        on
            giltiga.kommun_kod = handelser.kommun_kod
            and perioder.ar = handelser.ar
    group by giltiga.kommun_kod, giltiga.dimension, giltiga.period_ar
),

beraknad as (
    select
        standardiserad.kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('standardiserad.period_ar') }} as period_start,
        {{ sip_ar_slut('standardiserad.period_ar') }} as period_slut,
        standardiserad.dimension,
        standardiserad.dimension_varde,
        standardiserad.viktad_takt as taljare,
        standardiserad.summa_vikt as namnare,
        {{ kommunanalys.indikator_kvot('standardiserad.viktad_takt', 'standardiserad.summa_vikt') }} as varde,
        coalesce(personer.antal_personer, 0) as antal_personer
    from standardiserad
    left join personer
        on {{ lika_kolumner('standardiserad', 'personer', ['kommun_kod', 'dimension', 'period_ar']) }}
),

{{ kommunanalys.indikator_slut(indikator_id, 'beraknad') }}
{%- endmacro %}
