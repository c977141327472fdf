{#- The indicator framework (docs/architecture.md, "The indicator framework"): an indicator is one catalogue row in
    seeds/indikatorer/indikator_katalog.csv plus one model models/indicators/intermediate/<area>/int_indikator__<id>.sql
    tagged `indikator`, with the interface columns of indikator_granssnitt(), listed in int_indikator_unionerade.
    indikatorer.utfall reads the union. -#}

{#- the text type (dbt.type_string(); 'varchar' where there is no `dbt` namespace, i.e. in sqlfluff's templater) -#}
{% macro indikator_typ_text() -%}
    {%- if dbt is defined -%}
        {{ return(dbt.type_string()) }}
    {%- else -%}
        {{ return('varchar') }}
    {%- endif -%}
{%- endmacro %}

{#- The indicator interface, written once: the 11 columns every indicator model delivers, with their types. -#}
{% macro indikator_granssnitt() -%}
    {%- set text = indikator_typ_text() -%}
    {{ return([
        ('indikator_id', text),
        ('kommun_kod', text),
        ('period_typ', text),
        ('period_start', 'date'),
        ('period_slut', 'date'),
        ('dimension', text),
        ('dimension_varde', text),
        ('taljare', 'decimal(18, 4)'),
        ('namnare', 'decimal(18, 4)'),
        ('varde', 'decimal(18, 4)'),
        ('antal_personer', 'bigint'),
    ]) }}
{%- endmacro %}

{#- The interface's column names, comma-separated, optionally prefixed (`prefix.`), for select lists and unions. -#}
{% macro indikator_kolumnnamn(prefix='') -%}
    {%- for namn, typ in indikator_granssnitt() %}
        {{ prefix }}{{ namn }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The indicator interface selected with its types from a relation (a CTE) that has every interface column but
    indikator_id, which is written as the constant `indikator_id`. -#}
{% macro indikator_kolumner(indikator_id, relation) -%}
    select
    {%- for namn, typ in indikator_granssnitt() %}
        {%- if namn == 'indikator_id' %}
        cast('{{ indikator_id }}' as {{ typ }}) as indikator_id,
        {%- else %}
        cast({{ namn }} as {{ typ }}) as {{ namn }}{{ "," if not loop.last }}
        {%- endif %}
    {%- endfor %}
    from {{ relation }}
{%- endmacro %}

{#- The one rounding rule for ratios (docs/architecture.md, "Ratios"): numerator / denominator × faktor, rounded
    half away from zero to `skala` decimals (default 6), as decimal(18, skala); NULL when the denominator is 0 or
    NULL. Both operands are first rounded to 6 decimals and taken as integers in millionths, so that the division is
    kpb_kvot's 128-bit integer division: exact, and identical on DuckDB (which would compute decimal / decimal in
    DOUBLE) and Spark (which would cut a wide decimal quotient to 6 places). A caller that stores fewer decimals
    (the indicator interface's decimal(18,4)) rounds the result once more by its cast. faktor is an integer. -#}
{% macro indikator_kvot(taljare, namnare, faktor=1, skala=6) -%}
    {%- set t = 'round(cast(' ~ taljare ~ ' as decimal(38, 10)) * 1000000, 0)' -%}
    {%- set n = 'round(cast(' ~ namnare ~ ' as decimal(38, 10)) * 1000000, 0)' -%}
    {{ kommunanalys.kpb_kvot('(' ~ t ~ ') * ' ~ faktor, n, skala) }}
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
    varde = taljare / namnare × faktor (100 for percentages). `dimensioner` (optional list of column names of
    `relation`, e.g. ['sjukhus', 'klinik']) adds a breakdown per value of each column (dimension = the column name,
    dimension_varde = its value) for the periods where the value occurs. -#}
{% macro indikator_aggregera(relation, perioder_relation, period_typer, faktor=1, dimensioner=[]) -%}
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
    {%- for dimension in dimensioner %}
    union all
    select
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut,
        '{{ dimension }}' as dimension,
        cast(handelser.{{ dimension }} as {{ indikator_typ_text() }}) as dimension_varde,
        coalesce(sum(handelser.taljare_bidrag), 0) as taljare,
        coalesce(sum(handelser.namnare_bidrag), 0) as namnare,
        {{ indikator_kvot('sum(handelser.taljare_bidrag)', 'sum(handelser.namnare_bidrag)', faktor) }} as varde,
        count(distinct case when handelser.namnare_bidrag <> 0 then handelser.person_id end) as antal_personer
    from {{ perioder_relation }} as perioder
    inner join {{ relation }} as handelser
        on
            perioder.kommun_kod = handelser.kommun_kod
            and perioder.period_start <= handelser.datum
            and perioder.period_slut >= handelser.datum
    where
        perioder.period_typ in ('{{ period_typer | join("', '") }}')
        and handelser.{{ dimension }} is not null
    group by
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut,
        handelser.{{ dimension }}
    {%- endfor %}
{%- endmacro %}

{#- The union of the indicator relations `relationer` (a list of ref()s) with the interface columns; an empty
    relation with the interface's types when the list is empty. -#}
{% macro indikator_union(relationer) -%}
    {%- for relation in relationer %}
    select
        {{- indikator_kolumnnamn() | indent(4) }}
    from {{ relation }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- else %}
    select
    {%- for namn, typ in indikator_granssnitt() %}
        cast(null as {{ typ }}) as {{ namn }}{{ "," if not loop.last }}
    {%- endfor %}
    where 1 = 0
    {%- endfor %}
{%- endmacro %}
