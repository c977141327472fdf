{#- Helpers of the SIP and god och nära vård models: the bounds of a year given as a number, and shared model bodies. Quarter and month
    bounds are datum_period_start / datum_period_slut (macros/datum_funktioner.sql); the indicator interface and the
    safe division are the framework's (indikator_kolumner, indikator_kvot in macros/indikator_ramverk.sql). -#}

{#- first and last day of a calendar year given as an integer expression -#}
{% macro sip_ar_start(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-01-01' as date)
{%- endmacro %}

{% macro sip_ar_slut(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-12-31' as date)
{%- endmacro %}

{#- The body of a quarterly SIP count indicator (SIP_STARTADE, SIP_UPPRATTADE, SIP_UPPFOLJDA, SIP_AVSLUTADE,
    SIP_OPPNA): the measure `matt` of int_sip_antal_kvartal per municipality and quarter, also per hälsovalsenhet and
    klinik. A count: namnare 1. -#}
{% macro sip_antal_indikator(indikator_id, matt) %}
with

antal as (
    select * from {{ ref('int_sip_antal_kvartal') }}
),

beraknad as (
    select
        kommun_kod,
        'kvartal' as period_typ,
        kvartal_start as period_start,
        kvartal_slut as period_slut,
        dimension,
        dimension_varde,
        antal_planer as taljare,
        1 as namnare,
        antal_planer as varde,
        antal_personer
    from antal
    where matt = '{{ matt }}'
),

final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, 'beraknad') }}
)

select * from final
{% endmacro %}

{#- The body of a yearly review rating indicator (SIP_ANSVAR_TYDLIGT, SIP_SAMARBETE, SIP_RESURSER): the mean of the
    1–5 rating `kolumn`, one rating per reviewed plan (not per goal row), per municipality and review year;
    taljare = the sum of the plans' ratings, namnare = rated plans. -#}
{% macro sip_betyg_indikator(indikator_id, kolumn) %}
with

planer as (
    select * from {{ ref('int_sip_granskning_planer') }}
),

per_ar as (
    select
        kommun_kod,
        ar,
        sum({{ kolumn }}) as summa_betyg,
        count({{ kolumn }}) as antal_planer,
        count(distinct case when {{ kolumn }} is not null then raknas_som end) as antal_personer
    from planer
    group by kommun_kod, ar
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        coalesce(summa_betyg, 0) as taljare,
        antal_planer as namnare,
        {{ kommunanalys.indikator_kvot('summa_betyg', 'antal_planer') }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, 'beraknad') }}
)

select * from final
{% endmacro %}


{#- The body of a fall indicator (GNV_FALLSKADOR_65, GNV_FALL_SLUTENVARD_80): inpatient episodes with an external
    cause of the fall list (seed gnv_fallorsaker) among patients aged `fran_alder` and over (age on 31 December),
    per `per` inhabitants of that age (SCB, 31 December), per municipality and year of admission. -#}
{% macro gnv_fall_indikator(indikator_id, fran_alder, per) %}
with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

ar_med_data as (
    select distinct ar from vardtillfallen
),

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

fallskador as (
    select
        kommun_kod,
        ar,
        count(*) as antal_vardtillfallen,
        count(distinct person_id) as antal_personer
    from vardtillfallen
    where is_fallskada and alder >= {{ fran_alder }}
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
        coalesce(fallskador.antal_vardtillfallen, 0) as taljare,
        invanare.antal_invanare as namnare,
        {{ kommunanalys.indikator_kvot(
            'coalesce(fallskador.antal_vardtillfallen, 0)', 'invanare.antal_invanare', per) }} as varde,
        coalesce(fallskador.antal_personer, 0) as antal_personer
    from invanare
    left join fallskador
        on
            invanare.kommun_kod = fallskador.kommun_kod
            and invanare.ar = fallskador.ar
),

final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, 'beraknad') }}
)

select * from final
{% endmacro %}
