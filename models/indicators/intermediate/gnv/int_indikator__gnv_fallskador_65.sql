{{ config(tags=['indikator']) }}

{# GNV_FALLSKADOR_65: fall injuries per 100 000 inhabitants aged 65 and over, directly AGE-STANDARDISED as the public
    statistics publish it ("vårdtillfällen per 100 000 invånare, åldersstandardiserade värden", the VG report):
    inpatient episodes with an injury main diagnosis S00–T98 (seed gnv_skadediagnoser) and a fall as external cause
    W00–W19 (seed gnv_fallorsaker) of patients 65+ (int_gnv_vardtillfallen.is_fallskada, age on 31 December), and
        varde = Σ_b w_b × (fallskador_b / invånare_b) × 100 000 / Σ_b w_b
    over the bands b of the standard population (seed standardbefolkning, var standardbefolkning, default ESP 2013)
    that lie at 65 and over (65–69 … 95+), with the standard's weights. A band without population contributes 0.
    taljare = Σ_b w_b × rate_b × 100 000, namnare = Σ_b w_b.
    rate_b × 100 000 is one indikator_kvot (faktor 100 000), so that the rounding rule's 6 decimals apply to the
    rate per 100 000, not to a rate of 0.0123….
    Rows: dimension 'alla' per municipality and year of admission (years with inpatient data); and dimension
    'period' / 'tre_ar' - the three-year average for small municipalities: events and population of the year and
    the two before pooled per band, then standardised; only for years whose three years all have population data.
    antal_personer = distinct persons with a fall injury (in the year, or in the three years). #}

with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

standardbefolkning as (
    select * from {{ ref('standardbefolkning') }}
    where standard = '{{ installning('standardbefolkning') }}' and alder_fran >= 65
),

ar_med_data as (
    select distinct ar from vardtillfallen
),

forskjutningar as (
    select 0 as steg
    union all
    select 1 as steg
    union all
    select 2 as steg
),

{# the periods: each year alone, and each year with the two before it (three-year average) #}
perioder as (
    select
        'alla' as dimension,
        'alla' as dimension_varde,
        ar as period_ar,
        ar
    from ar_med_data
    union all
    select
        'period' as dimension,
        'tre_ar' as dimension_varde,
        ar_med_data.ar as period_ar,
        ar_med_data.ar - forskjutningar.steg as ar
    from ar_med_data
    cross join forskjutningar
),

invanare_per_band as (
    select
        befolkning.kommun_kod,
        befolkning.ar,
        standardbefolkning.aldersband,
        sum(befolkning.antal) as antal_invanare
    from befolkning
    inner join standardbefolkning
        on befolkning.alder between standardbefolkning.alder_fran and standardbefolkning.alder_till
    group by befolkning.kommun_kod, befolkning.ar, standardbefolkning.aldersband
),

fall_per_band as (
    select
        vardtillfallen.kommun_kod,
        vardtillfallen.ar,
        standardbefolkning.aldersband,
        count(*) as antal_fallskador
    from vardtillfallen
    inner join standardbefolkning
        on vardtillfallen.alder between standardbefolkning.alder_fran and standardbefolkning.alder_till
    where vardtillfallen.is_fallskada
    group by vardtillfallen.kommun_kod, vardtillfallen.ar, standardbefolkning.aldersband
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
        sum(coalesce(fall_per_band.antal_fallskador, 0)) as antal_fallskador
    from perioder
    inner join invanare_per_band
        on perioder.ar = invanare_per_band.ar
    left join fall_per_band
        on
            invanare_per_band.kommun_kod = fall_per_band.kommun_kod
            and invanare_per_band.ar = fall_per_band.ar
            and invanare_per_band.aldersband = fall_per_band.aldersband
    group by
        invanare_per_band.kommun_kod,
        perioder.dimension,
        perioder.dimension_varde,
        perioder.period_ar,
        invanare_per_band.aldersband
),

kommun_perioder as (
    select
        kommun_kod,
        dimension,
        dimension_varde,
        period_ar,
        max(antal_ar_med_befolkning) as antal_ar
    from poolade
    group by kommun_kod, dimension, dimension_varde, period_ar
),

{# the year must have inpatient data and population; the three-year average needs all three years #}
giltiga as (
    select kommun_perioder.*
    from kommun_perioder
    inner join ar_med_data on kommun_perioder.period_ar = ar_med_data.ar
    where kommun_perioder.antal_ar = case when kommun_perioder.dimension = 'alla' then 1 else 3 end
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
            {{ kommunanalys.indikator_kvot('poolade.antal_fallskador', 'poolade.antal_invanare', 100000) }}, 0
        ) as takt
    from giltiga
    cross join standardbefolkning
    left join poolade
        on
            giltiga.kommun_kod = poolade.kommun_kod
            and giltiga.dimension = poolade.dimension
            and giltiga.period_ar = poolade.period_ar
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
        count(distinct vardtillfallen.person_id) as antal_personer
    from giltiga
    inner join perioder
        on giltiga.dimension = perioder.dimension and giltiga.period_ar = perioder.period_ar
    inner join vardtillfallen
        on
            giltiga.kommun_kod = vardtillfallen.kommun_kod
            and perioder.ar = vardtillfallen.ar
            and vardtillfallen.is_fallskada
            and vardtillfallen.alder >= 65
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
        on
            standardiserad.kommun_kod = personer.kommun_kod
            and standardiserad.dimension = personer.dimension
            and standardiserad.period_ar = personer.period_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('GNV_FALLSKADOR_65', 'beraknad') }}
)

select * from final
