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


{#- The body of a crude fall indicator (GNV_FALL_SLUTENVARD_80; GNV_FALLSKADOR_65 is age-standardised in its own
    model): fall injuries (int_gnv_vardtillfallen.is_fallskada: main diagnosis S00–T98 of seed gnv_skadediagnoser
    and external cause W00–W19 of seed gnv_fallorsaker) among patients aged `fran_alder` and over (age on 31 December),
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

{#- The five SMART criteria of a SIP goal (sip-uppfoljningsindikatorer: specifikt, mätbart, accepterat, realistiskt,
    tidsatt), written once: the review file's columns are is_<kriterium>; a goal is SMART when it meets all five. -#}
{% macro sip_smart_kriterier() -%}
    {{ return(['specifikt', 'matbart', 'accepterat', 'realistiskt', 'tidsatt']) }}
{%- endmacro %}

{#- A yearly SIP indicator from int_sip_kostnad_kommun_ar (one row per municipality and year): taljare / namnare ×
    faktor, or the given `varde` expression when the mart already holds the value; the rows where `villkor` holds.
    antal_personer = the column `antal_personer` (the persons or plans the value is built on). -#}
{% macro sip_ar_indikator(indikator_id, taljare, namnare, villkor, antal_personer, varde=none, faktor=1) -%}
with

kostnad as (
    select * from {{ ref('int_sip_kostnad_kommun_ar') }}
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        {{ taljare }} as taljare,
        {{ namnare }} as namnare,
        {{ varde if varde else kommunanalys.indikator_kvot(taljare, namnare, faktor) }} as varde,
        {{ antal_personer }} as antal_personer
    from kostnad
    where {{ villkor }}
),

final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, 'beraknad') }}
)

select * from final
{%- endmacro %}

{#- Whether a plan's before AND after windows (sip_parametrar.fonster_dagar, 12 months) lie wholly inside the
    inpatient extract (int_sip_varddagar.is_fore_komplett / is_efter_komplett). The ONE condition of every
    before/after SIP figure: a plan with a truncated window is counted (antal_planer_ofullstandiga_fonster) and
    shown, never averaged in - with a truncated after-window the "after" days are too few and the change looks like
    a saving that is an artefact of the extract's end. `rel` is the relation or CTE alias holding the two flags. -#}
{% macro sip_kompletta_fonster(rel) -%}
    coalesce({{ rel }}.is_fore_komplett and {{ rel }}.is_efter_komplett, false)
{%- endmacro %}

{#- A before/after SIP indicator over the plans established in the year (int_sip_kostnad_plan): per municipality,
    year of establishment and breakdown, taljare = the sum of the change (12 months after minus 12 months before)
    over the plans whose both windows are complete (sip_kompletta_fonster), namnare = those plans, varde = taljare /
    namnare. Plans with a truncated window never enter the sums; every municipality and year with established plans
    still gets a row (namnare 0 and varde NULL when no plan is complete), and antal_personer counts the persons of
    the complete plans only (so a value built on none is suppressed). `dimensioner` is a list of (dimension,
    dimension_varde, change expression over int_sip_kostnad_plan's columns). -#}
{% macro sip_fore_efter_indikator(indikator_id, dimensioner) -%}
with

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

per_dimension as (
    {%- for dimension, dimension_varde, forandring in dimensioner %}
    select
        kommun_kod,
        upprattad_ar as ar,
        '{{ dimension }}' as dimension,
        '{{ dimension_varde }}' as dimension_varde,
        sip_id,
        person_id,
        {{ sip_kompletta_fonster('plan_kostnad') }} as is_komplett,
        {{ forandring }} as forandring
    from plan_kostnad
    where upprattad_ar is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        coalesce(sum(case when is_komplett then forandring end), 0) as summa_forandring,
        count(distinct case when is_komplett then sip_id end) as antal_planer,
        count(distinct case when is_komplett then person_id end) as antal_personer
    from per_dimension
    group by kommun_kod, ar, dimension, dimension_varde
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        summa_forandring as taljare,
        antal_planer as namnare,
        {{ kommunanalys.indikator_kvot('summa_forandring', 'antal_planer') }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, 'beraknad') }}
)

select * from final
{%- endmacro %}
