{{ config(tags=['indikatorer', 'utfall']) }}
{#- The catalogue and the union's explicit list agree (intermediate/ramverk/int_indikator_unionerade.sql):
    every computable catalogue row (demo_berakningsbar: computable from the input contract's files) has its model
    (int_indikator__<id in lower case>) in the list, every listed model has a
    catalogue row, and every model tagged `indikator` is in the list. Rows returned = what disagrees, with the reason.
    The list is read from the union's dependencies and the tagged models from the project's nodes; the check is on the
    configuration, so it holds whether or not the optional deliveries are there. (A test, not a model: dbt's advice
    against `graph` concerns building the DAG, which this does not.) -#}
{%- set listade = [] -%}
{%- set taggade = [] -%}
{%- if execute -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.package_name == project_name -%}
        {%- if node.name == 'int_indikator_unionerade' -%}
            {%- for beroende in node.depends_on.nodes -%}
                {%- do listade.append(beroende.split('.')[-1]) -%}
            {%- endfor -%}
        {%- endif -%}
        {%- if 'indikator' in node.tags -%}
            {%- do taggade.append(node.name) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif %}

with

katalog as (
    select * from {{ ref('indikator_katalog') }}
),

modeller as (
    select
        cast(null as {{ indikator_typ_text() }}) as modell,
        false as is_listad,
        false as is_taggad
    where 1 = 0
    {%- for namn in (listade + taggade) | unique | sort %}
    union all
    select
        '{{ namn }}' as modell,
        {{ 'true' if namn in listade else 'false' }} as is_listad,
        {{ 'true' if namn in taggade else 'false' }} as is_taggad
    {%- endfor %}
),

katalog_utan_modell as (
    select
        katalog.indikator_id,
        'int_indikator__' || lower(katalog.indikator_id) as modell,
        'katalograden har ingen modell i unionens lista' as fel
    from katalog
    left join modeller
        on 'int_indikator__' || lower(katalog.indikator_id) = modeller.modell and modeller.is_listad
    where katalog.demo_berakningsbar and modeller.modell is null
),

modell_utan_katalog as (
    select
        cast(null as {{ indikator_typ_text() }}) as indikator_id,
        modeller.modell,
        'listad modell utan katalograd' as fel
    from modeller
    left join katalog
        on modeller.modell = 'int_indikator__' || lower(katalog.indikator_id)
    where modeller.is_listad and katalog.indikator_id is null
),

taggad_men_inte_listad as (
    select
        cast(null as {{ indikator_typ_text() }}) as indikator_id,
        modeller.modell,
        'modellen är taggad indikator men saknas i unionens lista' as fel
    from modeller
    where modeller.is_taggad and not modeller.is_listad
),

final as (
    select * from katalog_utan_modell
    union all
    select * from modell_utan_katalog
    union all
    select * from taggad_men_inte_listad
)

select * from final
