{#- Share of a population per period: the indicators whose value is the percentage of units (episodes, meetings,
    goals, answers, sheets) that meet a condition. -#}

{#- The rest of a share indicator model (its CTEs from `handelser` or `per_dimension` on, and the select): the
    percentage of the rows of the CTE `rader` for which the boolean expression `uppfyllt` is true (NULL counts as
    not met). `rader` has kommun_kod, the person column `personer`, the columns of `dimensioner`, and `datum` or `ar`.
    - With `period_typer` (a list of manad, kvartal, halvar, ar): per municipality and period of the grid
      int_indikator_perioder, by `datum` (indikator_per_period): every municipality and period gets a row (a period
      without rows: namnare 0, varde NULL); a breakdown per column of `dimensioner` for its non-NULL values.
    - Without: per municipality and year `ar` that has rows (indikator_per_ar): namnare = the rows (or those where
      the expression `i_namnaren` holds), antal_personer = count(distinct personer) unless the aggregate expression
      `antal_personer` is given; `dimensioner` as indikator_per_ar (none: `rader` has dimension columns). -#}
{% macro indikator_andel(indikator_id, rader, uppfyllt, period_typer=none, dimensioner=[], personer='person_id',
    i_namnaren=none, antal_personer=none) -%}
{%- set ar_uppfyllt = 'case when ' ~ uppfyllt ~ ' then 1 else 0 end' %}
{%- if period_typer %}
{{ kommunanalys.indikator_per_period(indikator_id, rader, ar_uppfyllt, period_typer, 100, dimensioner, personer) }}
{%- else %}
{{ kommunanalys.indikator_per_ar(
    indikator_id, rader,
    'sum(' ~ ar_uppfyllt ~ ')',
    'sum(case when ' ~ i_namnaren ~ ' then 1 else 0 end)' if i_namnaren else 'count(*)',
    antal_personer or 'count(distinct ' ~ personer ~ ')',
    100, dimensioner) }}
{%- endif %}
{%- endmacro %}

{#- The rows of a share broken down by outcome (SIP_MAL_SMART per criterion, SIP_MAL_UPPNADDA per goal status):
    every row of `rader` once under dimension 'alla', met when the boolean expression `alla` holds, and once per
    (value, expression) of `varden` under dimension `dimension` with that value, met when its expression holds.
    Gives `kolumner`, dimension, dimension_varde and is_uppfyllt, for indikator_andel(..., dimensioner=none). -#}
{% macro indikator_uppfyllt_per_varde(rader, alla, dimension, varden, kolumner=['kommun_kod', 'ar', 'raknas_som']) -%}
{%- set grenar = [('alla', 'alla', alla)] %}
{%- for varde, uttryck in varden %}
    {%- do grenar.append((dimension, varde, uttryck)) %}
{%- endfor %}
{%- for gren_dimension, gren_varde, uttryck in grenar %}
{%- if not loop.first %}
union all
{%- endif %}
select
    {%- for kolumn in kolumner %}
    {{ kolumn }},
    {%- endfor %}
    '{{ gren_dimension }}' as dimension,
    '{{ gren_varde }}' as dimension_varde,
    {{ uttryck }} as is_uppfyllt
from {{ rader }}
{%- endfor %}
{%- endmacro %}
