{#- All indicator rows, unioned from the indicator models (grain indikator_id, kommun_kod, period_typ, period_start,
    dimension, dimension_varde). The indicator models are found in the graph at compile time (every model tagged
    `indikator`: macro indikator_modeller_i_grafen) and read with ref(). dbt-core records a model's refs while
    PARSING, when the graph is still empty (dbt docs: "do not use the graph variable to build your DAG"), so the refs
    are declared at parse time from the list in macros/indikator_register.sql; at compile time the models that are
    both tagged and declared are unioned. A tagged model missing from the list is logged here and fails the test
    indikator_modeller_registrerade; it is never dropped silently. -#}
{%- set registrerade = indikator_modeller() -%}
{#- parse time: declare the refs (dbt records them now; the graph is still empty) -#}
{%- if not execute -%}
    {%- for modell in registrerade -%}
        {%- do ref(modell) -%}
    {%- endfor -%}
{%- endif -%}
{%- set i_grafen = indikator_modeller_i_grafen() -%}
{%- set modeller = [] -%}
{%- for modell in i_grafen -%}
    {%- if modell in registrerade -%}
        {%- do modeller.append(modell) -%}
    {%- else -%}
        {%- do log("WARNING: int_indikator_unionerade (utfall): the indicator model " ~ modell ~ " is tagged 'indikator' but not declared in "
            ~ "macros/indikator_register.sql, so it is not in utfall.", info=true) -%}
    {%- endif -%}
{%- endfor -%}

with

indikatorvarden as (
    {{ indikator_union(modeller) | indent(4) }}
)

select * from indikatorvarden
