{#- Date helpers for the indicator models. Portable: only dbt's cross-database macros (dbt.dateadd, dbt.datediff,
    dbt.date_trunc), extract() and casts, so that the project can move to Spark. Each macro returns an expression. -#}

{#- first day of the `datumdel` ('month', 'quarter', 'year') that a date or timestamp falls in, as a date -#}
{% macro datum_trunkera(datumdel, uttryck) -%}
    cast({{ dbt.date_trunc(datumdel, uttryck) }} as date)
{%- endmacro %}

{#- whole minutes from one timestamp to another -#}
{% macro datum_minuter_mellan(fran, till) -%}
    {{ dbt.datediff(fran, till, 'minute') }}
{%- endmacro %}

{#- 31 December of the year a date falls in -#}
{% macro datum_ar_slut(datum) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, dbt.date_trunc('year', datum))) }} as date)
{%- endmacro %}

{#- date + n days, as a date (dbt.dateadd returns a timestamp on some engines) -#}
{% macro datum_plus_dagar(datum, antal_dagar) -%}
    cast({{ dbt.dateadd('day', antal_dagar, datum) }} as date)
{%- endmacro %}

{#- whole calendar days from `fran` to `till` (dates; timestamps are cut to their date first) -#}
{% macro datum_dagar_mellan(fran, till) -%}
    {{ dbt.datediff('cast(' ~ fran ~ ' as date)', 'cast(' ~ till ~ ' as date)', 'day') }}
{%- endmacro %}

{#- minutes after midnight of a timestamp -#}
{% macro datum_minut_pa_dygnet(tid) -%}
    (extract(hour from {{ tid }}) * 60 + extract(minute from {{ tid }}))
{%- endmacro %}

{#- 'HH:MM' (text) -> minutes after midnight; NULL for NULL or empty -#}
{% macro datum_klockslag_minuter(klockslag) -%}
    case when nullif(trim({{ klockslag }}), '') is not null then
        cast(substr(trim({{ klockslag }}), 1, 2) as integer) * 60 + cast(substr(trim({{ klockslag }}), 4, 2) as integer)
    end
{%- endmacro %}

{#- age in whole years on `datum` for a person born on `fodelsedatum` -#}
{% macro datum_alder(fodelsedatum, datum) -%}
    (extract(year from {{ datum }}) - extract(year from {{ fodelsedatum }})
        - case
            when extract(month from {{ datum }}) * 100 + extract(day from {{ datum }})
                < extract(month from {{ fodelsedatum }}) * 100 + extract(day from {{ fodelsedatum }})
                then 1
            else 0
        end)
{%- endmacro %}

{#- first day of the period of type period_typ ('manad', 'kvartal', 'halvar', 'ar') that `datum` falls in.
    period_typ is a Jinja string (the period type is known when the SQL is written). -#}
{% macro datum_period_start(period_typ, datum) -%}
    {%- if period_typ == 'manad' -%}
        cast({{ dbt.date_trunc('month', datum) }} as date)
    {%- elif period_typ == 'kvartal' -%}
        cast({{ dbt.date_trunc('quarter', datum) }} as date)
    {%- elif period_typ == 'halvar' -%}
        case
            when extract(month from {{ datum }}) <= 6 then cast({{ dbt.date_trunc('year', datum) }} as date)
            else cast({{ dbt.dateadd('month', 6, dbt.date_trunc('year', datum)) }} as date)
        end
    {%- elif period_typ == 'ar' -%}
        cast({{ dbt.date_trunc('year', datum) }} as date)
    {%- else -%}
        {{ exceptions.raise_compiler_error("datum_period_start: unknown period_typ '" ~ period_typ ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#- number of months in a period type -#}
{% macro datum_period_manader(period_typ) -%}
    {%- set manader = {'manad': 1, 'kvartal': 3, 'halvar': 6, 'ar': 12} -%}
    {%- if period_typ not in manader -%}
        {{ exceptions.raise_compiler_error("datum_period_manader: unknown period_typ '" ~ period_typ ~ "'") }}
    {%- endif -%}
    {{ return(manader[period_typ]) }}
{%- endmacro %}

{#- last day of the period that starts on period_start -#}
{% macro datum_period_slut(period_typ, period_start) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', datum_period_manader(period_typ), period_start)) }} as date)
{%- endmacro %}

{#- last day of the month `datum` falls in -#}
{% macro datum_manad_slut(datum) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, dbt.date_trunc('month', datum))) }} as date)
{%- endmacro %}

{#- A select of one row per day from start_datum to slut_datum (inclusive), column `datum` (date). start and end are
    SQL expressions (literals or scalar subqueries). Portable: a cross join of digit tables (no generate_series),
    so the span is limited to 10^siffror days (default 5 digits = 100 000 days, 273 years). -#}
{% macro datum_spine(start_datum, slut_datum, siffror=5) -%}
    with siffra as (
        {%- for i in range(10) %}
        select {{ i }} as s{% if not loop.last %} union all{% endif %}
        {%- endfor %}
    ),

    tal as (
        select
            {%- for p in range(siffror) %}
            s{{ p }}.s * {{ 10 ** p }}{% if not loop.last %} +{% endif %}
            {%- endfor %} as n
        from
            {%- for p in range(siffror) %}
            siffra as s{{ p }}{% if not loop.last %} cross join{% endif %}
            {%- endfor %}
    ),

    dagar as (
        select {{ datum_plus_dagar(start_datum, 'tal.n') }} as datum
        from tal
        where tal.n <= {{ datum_dagar_mellan(start_datum, slut_datum) }}
    )

    select datum from dagar
{%- endmacro %}
