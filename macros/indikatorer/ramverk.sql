{#- The indicator framework (docs/architecture.md, "The indicator framework"): an indicator is one catalogue row in
    seeds/indikatorer/indikator_katalog.csv plus one model models/indicators/intermediate/<area>/int_indikator__<id>.sql
    tagged `indikator`, with the interface columns of indikator_granssnitt(), listed in int_indikator_unionerade.
    indikatorer.utfall reads the union.

    This file holds the interface, the one ratio rule and the two engines every kind of indicator is built on:
    indikator_aggregera / indikator_per_period (per-event rows over the period grid int_indikator_perioder: every
    municipality and period gets a row) and indikator_per_ar (rows grouped per municipality, year and breakdown:
    the years with rows only). The helpers per kind of indicator are beside it in macros/indikatorer/: andel.sql
    (share), medel.sql (mean), antal.sql (count), betyg.sql (rating 1-5), takt.sql (rate per population, crude or
    age-standardised); sip.sql and ukd.sql hold the SIP- and
    UKD-specific pieces. -#}

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
    {%- for dimension in [none] + dimensioner %}
    {%- if not loop.first %}
    union all
    {%- endif %}
    select
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut,
        '{{ dimension or 'alla' }}' as dimension,
        {%- if dimension %}
        cast(handelser.{{ dimension }} as {{ indikator_typ_text() }}) as dimension_varde,
        {%- else %}
        'alla' as dimension_varde,
        {%- endif %}
        coalesce(sum(handelser.taljare_bidrag), 0) as taljare,
        coalesce(sum(handelser.namnare_bidrag), 0) as namnare,
        {{ indikator_kvot('sum(handelser.taljare_bidrag)', 'sum(handelser.namnare_bidrag)', faktor) }} as varde,
        count(distinct case when handelser.namnare_bidrag <> 0 then handelser.person_id end) as antal_personer
    from {{ perioder_relation }} as perioder
    {{ 'inner' if dimension else 'left' }} join {{ relation }} as handelser
        on
            perioder.kommun_kod = handelser.kommun_kod
            and perioder.period_start <= handelser.datum
            and perioder.period_slut >= handelser.datum
    where
        perioder.period_typ in ('{{ period_typer | join("', '") }}')
        {%- if dimension %}
        and handelser.{{ dimension }} is not null
        {%- endif %}
    group by
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut
        {%- if dimension %},
        handelser.{{ dimension }}
        {%- endif %}
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


{#- first and last day of a calendar year given as an integer expression -#}
{% macro sip_ar_start(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-01-01' as date)
{%- endmacro %}

{% macro sip_ar_slut(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-12-31' as date)
{%- endmacro %}

{#- The end of every indicator model: the interface selected with its types from `relation`, as CTE `final`, and
    the model's select. -#}
{% macro indikator_slut(indikator_id, relation) -%}
final as (
    {{ kommunanalys.indikator_kolumner(indikator_id, relation) | indent(4) }}
)

select * from final
{%- endmacro %}

{#- The rest of an indicator model over the period grid (the CTEs handelser, perioder, aggregerade and final, and the
    select): the rows of the CTE `rader` (kommun_kod, the person column `personer`, `datum`, the columns of
    `dimensioner`) as events adding `taljare_bidrag` (an expression over a row) to the numerator and 1 to the
    denominator, aggregated by indikator_aggregera over the grid int_indikator_perioder for `period_typer`. -#}
{% macro indikator_per_period(indikator_id, rader, taljare_bidrag, period_typer, faktor=1, dimensioner=[],
    personer='person_id') -%}
handelser as (
    select
        kommun_kod,
        {{ personer }} as person_id,
        datum,
        {%- for dimension in dimensioner %}
        {{ dimension }},
        {%- endfor %}
        {{ taljare_bidrag }} as taljare_bidrag,
        1 as namnare_bidrag
    from {{ rader }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

aggregerade as (
    {{ kommunanalys.indikator_aggregera('handelser', 'perioder', period_typer, faktor, dimensioner) | indent(4) }}
),

{{ kommunanalys.indikator_slut(indikator_id, 'aggregerade') }}
{%- endmacro %}

{#- The rest of a yearly indicator model grouped from rows (the CTEs per_dimension, per_ar, beraknad and final, and
    the select): `rader` (a CTE) has kommun_kod, the year `ar` and the columns the expressions read. One row per
    municipality, year and breakdown that has rows (no grid: a year without rows has no row).
    `dimensioner`: a list of columns of `rader` to break down by besides 'alla' (dimension = the column name,
    dimension_varde = its value, NULL values kept as a group of their own), or none when `rader` already has the
    columns dimension and dimension_varde.
    taljare, namnare, antal_personer: aggregate expressions over the rows of a group;
    varde = indikator_kvot(taljare, namnare, faktor), or the aggregate expression `varde` when given. -#}
{% macro indikator_per_ar(indikator_id, rader, taljare, namnare, antal_personer, faktor=1, dimensioner=[], varde=none) -%}
{%- if dimensioner is not none %}
per_dimension as (
    select
        *,
        'alla' as dimension,
        'alla' as dimension_varde
    from {{ rader }}
    {%- for dimension in dimensioner %}
    union all
    select
        *,
        '{{ dimension }}' as dimension,
        cast({{ dimension }} as {{ indikator_typ_text() }}) as dimension_varde
    from {{ rader }}
    {%- endfor %}
),
{%- set rader = 'per_dimension' %}
{%- endif %}

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        {{ taljare }} as taljare,
        {{ namnare }} as namnare,
        {{ varde if varde else kommunanalys.indikator_kvot(taljare, namnare, faktor) }} as varde,
        {{ antal_personer }} as antal_personer
    from {{ rader }}
    group by kommun_kod, ar, dimension, dimension_varde
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ kommunanalys.sip_ar_start('ar') }} as period_start,
        {{ kommunanalys.sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        taljare,
        namnare,
        varde,
        antal_personer
    from per_ar
),

{{ kommunanalys.indikator_slut(indikator_id, 'beraknad') }}
{%- endmacro %}
