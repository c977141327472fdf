{#- The SIP-specific pieces of the indicators: the SMART criteria of a goal, the one condition of a before/after
    figure, and the yearly indicators read from the SIP cost mart int_sip_kostnad_kommun_ar. The helpers per kind
    of indicator (share, mean, count, rating, rate) are in the other files of macros/indikatorer/. -#}

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

{{ kommunanalys.indikator_slut(indikator_id, 'beraknad') }}
{%- endmacro %}

{#- Whether a plan's before AND after windows (sip_parametrar.fonster_dagar, 12 months) lie wholly inside the
    inpatient extract (int_sip_varddagar.is_fore_komplett / is_efter_komplett). The ONE condition of every
    before/after SIP figure: a plan with a truncated window is counted (antal_planer_ofullstandiga_fonster) and
    shown, never averaged in - with a truncated after-window the "after" days are too few and the change looks like
    a saving that is an artefact of the extract's end. `rel` is the relation or CTE alias holding the two flags. -#}
{% macro sip_kompletta_fonster(rel) -%}
    coalesce({{ rel }}.is_fore_komplett and {{ rel }}.is_efter_komplett, false)
{%- endmacro %}

{#- The region's inpatient episodes as date intervals, the ONE rule of int_sip_varddagar and
    int_sip_vardkostnad_person_ar: per episode its id, person, vardform and is_akut, in_datum (the admission date)
    and ut_datum (the discharge date; an open episode runs to the last date in the extract, sista_datum of the
    one-row relation `extraktet`). -#}
{% macro sip_vardepisoder(vardtillfallen='vardtillfallen', extraktet='extraktet') -%}
select
    {{ vardtillfallen }}.vardtillfalle_id,
    {{ vardtillfallen }}.person_id,
    {{ vardtillfallen }}.vardform,
    {{ vardtillfallen }}.is_akut,
    cast({{ vardtillfallen }}.inskrivning_tid as date) as in_datum,
    cast(coalesce({{ vardtillfallen }}.utskrivning_tid, {{ extraktet }}.sista_datum) as date) as ut_datum
from {{ vardtillfallen }}
cross join {{ extraktet }}
{%- endmacro %}
