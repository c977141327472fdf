{#- Reading the delivered files (issue 20: staging split by responsibility, macros/staging/). Where a source's files
    are (kalla_glob, kalla_plats, kalla_monster), in which encoding (kalla_kodning), whether any is there
    (kalla_finns, antal_filer), and the Kolada responses as rows (kolada_datapunkter). The CSV files themselves are
    read by las_filer / raw_csv (raw_filer.sql), after the pre-read check (granskning.sql). -#}

{#- the file pattern of a source whose external_location is read_csv('<pattern>', ...) or read_text('<pattern>') -#}
{% macro kalla_glob(relation) -%}
    {{ return(kommunanalys.kalla_plats(relation).split("'")[1]) }}
{%- endmacro %}

{#- the source's description: its external_location (read_csv(...) / read_text(...)) with {name} filled in. On
    DuckDB that is what the relation renders as; other adapters render a source as schema.table, so the description
    is taken from the source's node. A string (a read_csv call built by the staging macros) is returned as it is. -#}
{% macro kalla_plats(relation) -%}
    {%- set text = relation | string -%}
    {%- if 'read_csv(' in text or 'read_text(' in text -%}
        {{ return(text) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return("read_text('')") }}
    {%- endif -%}
    {%- for node in graph.sources.values() -%}
        {%- if node.identifier == relation.identifier and node.schema == relation.schema
            and node.meta.external_location is defined -%}
            {{ return(node.meta.external_location.replace('{name}', node.name)) }}
        {%- endif -%}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('no external_location for the source ' ~ text) }}
{%- endmacro %}

{#- the configured encoding of a source whose external_location is read_csv(..., encoding='<encoding>') -#}
{% macro kalla_kodning(relation) -%}
    {%- set text = kommunanalys.kalla_plats(relation) -%}
    {{ return(text.split("encoding='")[1].split("'")[0] if "encoding='" in text else 'utf-8') }}
{%- endmacro %}

{#- true when at least one file matches the source's pattern (checked at run time only). No file is not an error:
    the source's staging relations are built empty (item 1 of issue 9: each area builds from the files present),
    with a warning in the log. -#}
{% macro kalla_finns(relation, valfri=true) -%}
    {{ return(adapter.dispatch('kalla_finns', 'kommunanalys')(relation, valfri)) }}
{%- endmacro %}

{% macro default__kalla_finns(relation, valfri=true) -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set monster = kommunanalys.kalla_glob(relation) -%}
    {%- set antal = kommunanalys.antal_filer(monster) -%}
    {%- if antal == 0 -%}
        {%- do log("WARNING: no file matches '" ~ monster ~ "' (source " ~ relation.identifier
            ~ "): " ~ this.identifier ~ " is built empty.", info=true) -%}
    {%- endif -%}
    {{ return(antal > 0) }}
{%- endmacro %}

{#- Every file pattern of a source: its external_location's, and for the ledger (ekonomi/huvudbok) the SIE files
    beside it (ekonomi/*.se, *.si, either case: python/kommunanalys/sie.py converts them in the pre-read check), for
    the population (scb/befolkning*.csv) PxWebApi's json-stat2 beside it (scb/befolkning*.json: jsonstat.py). -#}
{% macro kalla_monster(relation) -%}
    {%- set monster = [kommunanalys.kalla_glob(relation)] -%}
    {%- if relation.identifier == 'huvudbok' -%}
        {%- set mapp = monster[0].rsplit('/', 1)[0] -%}
        {%- for andelse in ['se', 'si', 'SE', 'SI'] -%}
            {%- do monster.append(mapp ~ '/*.' ~ andelse) -%}
        {%- endfor -%}
    {%- elif relation.identifier == 'befolkning' -%}
        {%- do monster.append(monster[0][:-4] ~ '.json') -%}
    {%- endif -%}
    {{ return(monster) }}
{%- endmacro %}

{#- how many files match a pattern: DuckDB's glob(); on Spark the session's function kommunanalys_antal_filer -#}
{% macro antal_filer(monster) -%}
    {{ return(adapter.dispatch('antal_filer', 'kommunanalys')(monster)) }}
{%- endmacro %}

{% macro default__antal_filer(monster) -%}
    {{ return(run_query("select count(*) from glob('" ~ monster ~ "')").columns[0].values()[0]) }}
{%- endmacro %}

{% macro spark__antal_filer(monster) -%}
    {{ return(run_query("select cast(kommunanalys_antal_filer('" ~ monster ~ "') as int)").columns[0].values()[0]) }}
{%- endmacro %}

{#- Kolada API responses saved as JSON (read with read_text), v2 or v3 alike: one row per data point and gender,
    all text, with kalla_fil (relative to raw_root) and kalla_rad (running number of the value in its file). v3's
    status is kept; struken holds why a value is not used (v3 isdeleted true), NULL otherwise (v2 has neither). -#}
{% macro kolada_datapunkter(relation) -%}
    {{ return(adapter.dispatch('kolada_datapunkter', 'kommunanalys')(relation)) }}
{%- endmacro %}

{#- true where kolada_datapunkter reads no file as no row (DuckDB's read_text), so that a base model needs no
    look at the folder while it compiles; elsewhere (Spark's binaryFile fails on a pattern that matches nothing) the
    model reads an empty relation when kalla_finns says no file is there -#}
{% macro kolada_las_utan_filer() -%}
    {{ return(adapter.dispatch('kolada_las_utan_filer', 'kommunanalys')()) }}
{%- endmacro %}

{% macro default__kolada_las_utan_filer() -%}
    {{ return(false) }}
{%- endmacro %}

{% macro duckdb__kolada_las_utan_filer() -%}
    {{ return(true) }}
{%- endmacro %}

{% macro duckdb__kolada_datapunkter(relation) -%}
    (
        with filer as (
            select
                filename,
                content
            from {{ kommunanalys.rot_relativ(relation | string) }}
        ),
        punkter as (
            select
                filename,
                unnest(json_extract(content, '$.values[*]')) as punkt,
                generate_subscripts(json_extract(content, '$.values[*]'), 1) as punkt_nr
            from filer
        ),
        varden as (
            select
                filename,
                punkt_nr,
                punkt,
                unnest(json_extract(punkt, '$.values[*]')) as varde,
                generate_subscripts(json_extract(punkt, '$.values[*]'), 1) as varde_nr
            from punkter
        )
        select
            json_extract_string(punkt, '$.kpi') as kpi,
            json_extract_string(punkt, '$.municipality') as municipality,
            json_extract_string(punkt, '$.period') as period,
            json_extract_string(varde, '$.gender') as gender,
            json_extract_string(varde, '$.value') as value,
            json_extract_string(varde, '$.count') as count,
            json_extract_string(varde, '$.status') as status,
            case when json_extract_string(varde, '$.isdeleted') = 'true'
                then 'isdeleted: värdet är struket i Kolada (används inte)'
            end as struken,
            {{ kommunanalys.rot_relativ("replace(filename, '" ~ kommunanalys.raw_root() ~ "/', '')") }} as kalla_fil,
            cast(row_number() over (partition by filename order by punkt_nr, varde_nr) as integer) as kalla_rad
        from varden
    )
{%- endmacro %}

{#- Spark: every file of the pattern read whole (binaryFile), parsed with from_json, the values numbered per file
    by their position in it (posexplode), as on DuckDB -#}
{% macro spark__kolada_datapunkter(relation) -%}
    (
        with filer as (
            select
                path,
                from_json(
                    decode(content, 'UTF-8'),
                    'values array<struct<kpi: string, municipality: string, period: string,
                        values: array<struct<gender: string, value: string, count: string, status: string,
                        isdeleted: boolean>>>>'
                ) as innehall
            from binaryFile.`{{ kommunanalys.kalla_glob(relation) }}`
        ),
        punkter as (
            select
                filer.path,
                p.punkt_nr,
                p.punkt
            from filer
            lateral view posexplode(filer.innehall.values) p as punkt_nr, punkt
        ),
        varden as (
            select
                punkter.path,
                punkter.punkt_nr,
                punkter.punkt,
                v.varde_nr,
                v.varde
            from punkter
            lateral view posexplode(punkter.punkt.values) v as varde_nr, varde
        )
        select
            punkt.kpi as kpi,
            punkt.municipality as municipality,
            punkt.period as period,
            varde.gender as gender,
            varde.value as value,
            varde.count as count,
            varde.status as status,
            case when varde.isdeleted then 'isdeleted: värdet är struket i Kolada (används inte)' end as struken,
            substr(regexp_replace(path, '^file:(//)?', ''), length('{{ kommunanalys.raw_root() }}/') + 1) as kalla_fil,
            cast(row_number() over (partition by path order by punkt_nr, varde_nr) as integer) as kalla_rad
        from varden
    )
{%- endmacro %}
