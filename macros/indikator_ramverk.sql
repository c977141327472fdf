{#- The indicator framework (docs/architecture.md, "The indicator framework"): an indicator is one catalogue row in
    seeds/indikatorer/indikator_katalog.csv plus one model models/indicators/intermediate/int_indikator__<id>.sql
    tagged `indikator`, with the interface columns of indikator_kolumner(). indikatorer.utfall unions them. -#}

{#- The indicator models of the project, as the graph knows them at compile time: every enabled model tagged
    `indikator`, sorted by name. Only meaningful when execute is true (the graph is empty while dbt parses). -#}
{% macro indikator_modeller_i_grafen() -%}
    {%- set namn = [] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and 'indikator' in node.tags
                    and node.package_name == project_name -%}
                {%- do namn.append(node.name) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(namn | sort) }}
{%- endmacro %}

{#- the text type (dbt.type_string(); 'varchar' where there is no `dbt` namespace, i.e. in sqlfluff's templater) -#}
{% macro indikator_typ_text() -%}
    {%- if dbt is defined -%}
        {{ return(dbt.type_string()) }}
    {%- else -%}
        {{ return('varchar') }}
    {%- endif -%}
{%- endmacro %}

{#- The indicator interface, selected with its types from a relation (a CTE) that has the columns kommun_kod,
    period_typ, period_start, period_slut, dimension, dimension_varde, taljare, namnare, varde, antal_personer. -#}
{% macro indikator_kolumner(indikator_id, relation) -%}
    select
        cast('{{ indikator_id }}' as {{ indikator_typ_text() }}) as indikator_id,
        cast(kommun_kod as {{ indikator_typ_text() }}) as kommun_kod,
        cast(period_typ as {{ indikator_typ_text() }}) as period_typ,
        cast(period_start as date) as period_start,
        cast(period_slut as date) as period_slut,
        cast(dimension as {{ indikator_typ_text() }}) as dimension,
        cast(dimension_varde as {{ indikator_typ_text() }}) as dimension_varde,
        cast(taljare as decimal(18, 4)) as taljare,
        cast(namnare as decimal(18, 4)) as namnare,
        cast(varde as decimal(18, 4)) as varde,
        cast(antal_personer as bigint) as antal_personer
    from {{ relation }}
{%- endmacro %}

{#- numerator / denominator × faktor as an exact decimal; NULL when the denominator is 0 or NULL. Both sides are cast
    to a wide decimal first, so there is no integer division. -#}
{% macro indikator_kvot(taljare, namnare, faktor=1) -%}
    case when {{ namnare }} <> 0 then
        cast({{ taljare }} as decimal(38, 10)) * {{ faktor }} / cast({{ namnare }} as decimal(38, 10))
    end
{%- endmacro %}

{#- the catalogue's period_typer ('manad|halvar|ar') as '|manad|halvar|ar|', so that
    `like '%|ar|%'` tests one period type ('ar' is also a substring of 'kvartal' and 'halvar'). ';', ',' and spaces
    are accepted as separators too. -#}
{% macro indikator_period_typer_normaliserad(uttryck) -%}
    ('|' || replace(replace(replace(replace(lower({{ uttryck }}), ';', '|'), ',', '|'), ' ', '|'), '||', '|') || '|')
{%- endmacro %}

{#- The indicator rows for the period types `period_typer` (a list) from per-event rows: `relation` has kommun_kod,
    person_id, datum (the date that places the event in a period), and the numeric columns taljare_bidrag and
    namnare_bidrag (what the event adds to numerator and denominator). Every municipality and period of
    `perioder_relation` (int_indikator_perioder) gets a row: a period without events has namnare 0, varde NULL and 0
    persons, and is suppressed in utfall. antal_personer counts the distinct persons with namnare_bidrag <> 0.
    varde = taljare / namnare × faktor (100 for percentages). -#}
{% macro indikator_aggregera(relation, perioder_relation, period_typer, faktor=1) -%}
    select
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        coalesce(sum(handelser.taljare_bidrag), 0) as taljare,
        coalesce(sum(handelser.namnare_bidrag), 0) as namnare,
        {{ indikator_kvot('sum(handelser.taljare_bidrag)', 'sum(handelser.namnare_bidrag)', faktor) }} as varde,
        count(distinct case when handelser.namnare_bidrag <> 0 then handelser.person_id end) as antal_personer
    from {{ perioder_relation }} as perioder
    left join {{ relation }} as handelser
        on
            perioder.kommun_kod = handelser.kommun_kod
            and perioder.period_start <= handelser.datum
            and perioder.period_slut >= handelser.datum
    where perioder.period_typ in ('{{ period_typer | join("', '") }}')
    group by
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut
{%- endmacro %}

{#- The union of the indicator models `modeller` (a list of model names) with the interface columns; an empty
    relation with the interface's types when the list is empty (e.g. while dbt parses). -#}
{% macro indikator_union(modeller) -%}
    {%- for modell in modeller %}
    select
        indikator_id,
        kommun_kod,
        period_typ,
        period_start,
        period_slut,
        dimension,
        dimension_varde,
        taljare,
        namnare,
        varde,
        antal_personer
    from {{ ref(modell) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- else %}
    select
        cast(null as {{ indikator_typ_text() }}) as indikator_id,
        cast(null as {{ indikator_typ_text() }}) as kommun_kod,
        cast(null as {{ indikator_typ_text() }}) as period_typ,
        cast(null as date) as period_start,
        cast(null as date) as period_slut,
        cast(null as {{ indikator_typ_text() }}) as dimension,
        cast(null as {{ indikator_typ_text() }}) as dimension_varde,
        cast(null as decimal(18, 4)) as taljare,
        cast(null as decimal(18, 4)) as namnare,
        cast(null as decimal(18, 4)) as varde,
        cast(null as bigint) as antal_personer
    where 1 = 0
    {%- endfor %}
{%- endmacro %}
