{#- Reading the delivered files in place.

    raw_csv(relation) wraps a source whose meta.external_location is a read_csv(...) call (all columns as text,
    filename=true) and adds, for each row, kalla_fil (the file, relative to raw_root) and kalla_rad (its line
    number in that file; the header is line 1), so that a quarantined row can be found in the delivery.
    row_number() over () follows the scan order, which DuckDB keeps (preserve_insertion_order, the default):
    files in glob order, rows in file order.
    Optional: root (default raw_root(); derived_root() for the runner's files) is stripped from the file name, and
    prefix names the two columns <prefix>_fil / <prefix>_rad (default kalla), for a file that has its own kalla_fil. -#}

{#- the folder the source systems' files are read from -#}
{% macro raw_root() -%}
    {{ return(var('raw_root', env_var('KOMMUNANALYS_RAW_ROOT', 'data/raw'))) }}
{%- endmacro %}

{#- the folder the Python runner writes derived files to (scored surveys) -#}
{% macro derived_root() -%}
    {{ return(var('derived_root', env_var('KOMMUNANALYS_DERIVED_ROOT', 'data/derived'))) }}
{%- endmacro %}

{% macro raw_csv(relation, root=none, prefix='kalla', filnamn=none) -%}
    {{ return(adapter.dispatch('raw_csv', 'kommunanalys')(relation, root, prefix, filnamn)) }}
{%- endmacro %}

{#- filnamn: {path read: file name relative to the root} when the files read are not all under the root (a
    UTF-8 copy of a Windows-1252 delivery is read in its place, under its own name) -#}
{% macro duckdb__raw_csv(relation, root=none, prefix='kalla', filnamn=none) -%}
    (
        with raw_rows as (
            select *, row_number() over () as _scan_nr
            from {{ relation }}
        ),
        file_start as (
            select filename as _fil, min(_scan_nr) as _first_nr
            from raw_rows
            group by filename
        )
        select
            raw_rows.* exclude (filename, _scan_nr),
            {%- if filnamn %}
            case raw_rows.filename
                {%- for las, fil in filnamn.items() %}
                when '{{ las }}' then '{{ fil }}'
                {%- endfor %}
            end as {{ prefix }}_fil,
            {%- else %}
            replace(raw_rows.filename, '{{ root or kommunanalys.raw_root() }}/', '') as {{ prefix }}_fil,
            {%- endif %}
            cast(raw_rows._scan_nr - file_start._first_nr + 2 as integer) as {{ prefix }}_rad
        from raw_rows
        inner join file_start on raw_rows.filename = file_start._fil
    )
{%- endmacro %}
