{#- Mean per period: the indicators whose value is an average over units (episodes, survey sheets, plans). -#}

{#- The rest of a mean indicator model (its CTEs from `handelser` or `per_dimension` on, and the select): the mean
    of the measure `matt` over the rows of the CTE `rader` (kommun_kod, the person column `personer`, the columns of
    `dimensioner`, and `datum` or `ar`).
    - With `period_typer` (a list of manad, kvartal, halvar, ar): per municipality and period of the grid
      int_indikator_perioder, by `datum` (indikator_per_period): taljare = the sum of `matt`, namnare = the rows;
      every municipality and period gets a row; a breakdown per column of `dimensioner` for its non-NULL values.
    - Without: per municipality and year `ar` that has rows (indikator_per_ar): taljare = coalesce(sum(matt), 0),
      namnare = count(matt), antal_personer = count(distinct personer), unless the expressions `taljare`, `namnare`,
      `antal_personer` say otherwise; `dimensioner` as indikator_per_ar (none: `rader` has dimension columns). -#}
{% macro indikator_medel(indikator_id, rader, matt, period_typer=none, dimensioner=[], personer='person_id',
    taljare=none, namnare=none, antal_personer=none) -%}
{%- if period_typer %}
{{ kommunanalys.indikator_per_period(indikator_id, rader, matt, period_typer, 1, dimensioner, personer) }}
{%- else %}
{{ kommunanalys.indikator_per_ar(
    indikator_id, rader,
    taljare or 'coalesce(sum(' ~ matt ~ '), 0)',
    namnare or 'count(' ~ matt ~ ')',
    antal_personer or 'count(distinct ' ~ personer ~ ')',
    1, dimensioner) }}
{%- endif %}
{%- endmacro %}

{#- A before/after SIP indicator over the plans established in the year (int_sip_kostnad_plan): per municipality,
    year of establishment and breakdown, the mean change per plan: taljare = the sum of the change (12 months after
    minus 12 months before) over the plans whose both windows are complete (sip_kompletta_fonster), namnare = those
    plans, varde = taljare / namnare. Plans with a truncated window never enter the sums; every municipality and year
    with established plans still gets a row (namnare 0 and varde NULL when no plan is complete), and antal_personer
    counts the persons of the complete plans only (so a value built on none is suppressed). `dimensioner` is a list
    of (dimension, dimension_varde, change expression over int_sip_kostnad_plan's columns). -#}
{% macro sip_fore_efter_indikator(indikator_id, dimensioner) -%}
with

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

per_plan as (
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

{{ kommunanalys.indikator_medel(indikator_id, 'per_plan', 'forandring', dimensioner=none,
    taljare='coalesce(sum(case when is_komplett then forandring end), 0)',
    namnare='count(distinct case when is_komplett then sip_id end)',
    antal_personer='count(distinct case when is_komplett then person_id end)') }}
{%- endmacro %}
