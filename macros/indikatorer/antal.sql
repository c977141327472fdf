{#- Count per period: the indicators whose value is a number of events (plans, meetings, answer sheets); a count has
    namnare 1 and varde = taljare. -#}

{#- The rest of a count indicator model (its CTEs from `beraknad` or `per_dimension` on, and the select), from the
    CTE `rader`:
    - With `period` = (period_typ, start column, end column): `rader` already holds one row per municipality, period
      (and breakdown) with the count in the column `antal` and the persons in `antal_personer`; selected as they are.
    - Without: per municipality and year `ar` that has rows (indikator_per_ar), `antal` and `antal_personer` being
      aggregate expressions over the rows of a group.
    `dimensioner`: none when `rader` has the columns dimension and dimension_varde; a list (empty: 'alla' only) of
    columns to break down by otherwise (a list only without `period`). -#}
{% macro indikator_antal(indikator_id, rader, antal='count(*)', antal_personer='count(distinct person_id)',
    period=none, dimensioner=[]) -%}
{%- if period %}
beraknad as (
    select
        kommun_kod,
        '{{ period[0] }}' as period_typ,
        {{ period[1] }} as period_start,
        {{ period[2] }} as period_slut,
        {{ "dimension" if dimensioner is none else "'alla' as dimension" }},
        {{ "dimension_varde" if dimensioner is none else "'alla' as dimension_varde" }},
        {{ antal }} as taljare,
        1 as namnare,
        {{ antal }} as varde,
        {{ antal_personer }} as antal_personer
    from {{ rader }}
),

{{ kommunanalys.indikator_slut(indikator_id, 'beraknad') }}
{%- else %}
{{ kommunanalys.indikator_per_ar(indikator_id, rader, antal, '1', antal_personer, 1, dimensioner, varde=antal) }}
{%- endif %}
{%- endmacro %}

{#- The whole body of a quarterly SIP count indicator (SIP_STARTADE, SIP_UPPRATTADE, SIP_UPPFOLJDA, SIP_AVSLUTADE,
    SIP_OPPNA): the measure `matt` of int_sip_antal_kvartal per municipality and quarter, also per hälsovalsenhet and
    klinik. -#}
{% macro sip_antal_indikator(indikator_id, matt) -%}
with

antal as (
    select * from {{ ref('int_sip_antal_kvartal') }}
    where matt = '{{ matt }}'
),

{{ kommunanalys.indikator_antal(indikator_id, 'antal', 'antal_planer', 'antal_personer',
    ('kvartal', 'kvartal_start', 'kvartal_slut'), none) }}
{%- endmacro %}
