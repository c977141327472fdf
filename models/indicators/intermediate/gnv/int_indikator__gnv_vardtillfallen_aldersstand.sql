{{ config(tags=['indikator']) }}

{# GNV_VARDTILLFALLEN_ALDERSSTAND: inpatient episodes per 100 000 inhabitants, directly age-standardised to the
    standard population of seed standardbefolkning (var 'standardbefolkning', default 'ESP2013'):
        varde = Σ_b w_b × (episodes_b / population_b) × 100 000 / Σ_b w_b
    over the standard's age bands b (age on 31 December, as SCB counts the population). A band without population
    contributes a rate of 0. taljare = Σ_b w_b × rate_b × 100 000, namnare = Σ_b w_b.
    rate_b × 100 000 is one indikator_kvot (faktor 100 000), so that the rounding rule's 6 decimals apply to the
    rate per 100 000, not to a rate of 0.0123…. Per municipality (the
    patient's home municipality) and year of admission; years with inpatient data only.
    antal_personer = distinct persons with an episode. #}

with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

standardbefolkning as (
    select * from {{ ref('standardbefolkning') }}
    where standard = '{{ installning('standardbefolkning') }}'
),

ar_med_data as (
    select distinct ar from vardtillfallen
),

invanare_per_band as (
    select
        befolkning.kommun_kod,
        befolkning.ar,
        standardbefolkning.aldersband,
        sum(befolkning.antal) as antal_invanare
    from befolkning
    inner join ar_med_data on befolkning.ar = ar_med_data.ar
    inner join standardbefolkning
        on befolkning.alder between standardbefolkning.alder_fran and standardbefolkning.alder_till
    group by befolkning.kommun_kod, befolkning.ar, standardbefolkning.aldersband
),

vardtillfallen_per_band as (
    select
        vardtillfallen.kommun_kod,
        vardtillfallen.ar,
        standardbefolkning.aldersband,
        count(*) as antal_vardtillfallen
    from vardtillfallen
    inner join standardbefolkning
        on vardtillfallen.alder between standardbefolkning.alder_fran and standardbefolkning.alder_till
    group by vardtillfallen.kommun_kod, vardtillfallen.ar, standardbefolkning.aldersband
),

personer as (
    select
        kommun_kod,
        ar,
        count(distinct person_id) as antal_personer
    from vardtillfallen
    group by kommun_kod, ar
),

kommun_ar as (
    select distinct
        kommun_kod,
        ar
    from invanare_per_band
),

{# every band of the standard for every municipality and year, with its rate (0 without population) #}
band_takt as (
    select
        kommun_ar.kommun_kod,
        kommun_ar.ar,
        standardbefolkning.aldersband,
        -- decimal(19,4) x the rate's decimal(18,6) = decimal(37,10): exact on both engines (DuckDB keeps an
        -- (18,4) x (18,6) product in 18 digits and overflows; Spark cuts a product wider than 38 digits to 6 decimals)
        cast(standardbefolkning.vikt as decimal(19, 4)) as vikt,
        coalesce(
            {{ kommunanalys.indikator_kvot('coalesce(vardtillfallen_per_band.antal_vardtillfallen, 0)',
                        'invanare_per_band.antal_invanare', 100000) }},
            0
        ) as takt
    from kommun_ar
    cross join standardbefolkning
    left join invanare_per_band
        on
            kommun_ar.kommun_kod = invanare_per_band.kommun_kod
            and kommun_ar.ar = invanare_per_band.ar
            and standardbefolkning.aldersband = invanare_per_band.aldersband
    left join vardtillfallen_per_band
        on
            kommun_ar.kommun_kod = vardtillfallen_per_band.kommun_kod
            and kommun_ar.ar = vardtillfallen_per_band.ar
            and standardbefolkning.aldersband = vardtillfallen_per_band.aldersband
),

standardiserad as (
    select
        kommun_kod,
        ar,
        sum(vikt * takt) as viktad_takt,
        sum(vikt) as summa_vikt
    from band_takt
    group by kommun_kod, ar
),

beraknad as (
    select
        standardiserad.kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('standardiserad.ar') }} as period_start,
        {{ sip_ar_slut('standardiserad.ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        standardiserad.viktad_takt as taljare,
        standardiserad.summa_vikt as namnare,
        {{ kommunanalys.indikator_kvot('standardiserad.viktad_takt', 'standardiserad.summa_vikt') }} as varde,
        coalesce(personer.antal_personer, 0) as antal_personer
    from standardiserad
    left join personer
        on
            standardiserad.kommun_kod = personer.kommun_kod
            and standardiserad.ar = personer.ar
),

final as (
    {{ kommunanalys.indikator_kolumner('GNV_VARDTILLFALLEN_ALDERSSTAND', 'beraknad') }}
)

select * from final
