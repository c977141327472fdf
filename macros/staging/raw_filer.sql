{#- Reading the delivered files in place (las_leverans): every row with <prefix>_fil (the file, relative to its
    root) and <prefix>_rad (its line in that file; the header is line 1), so that a quarantined row can be found in
    the delivery. prefix names the two columns (default kalla; harledd for the runner's files that carry their own
    kalla_fil). -#}

{#- the folder the source systems' files are read from -#}
{% macro raw_root() -%}
    {{ return(var('raw_root', env_var('KOMMUNANALYS_RAW_ROOT', 'data/raw'))) }}
{%- endmacro %}

{#- the folder the Python runner writes derived files to (scored surveys) -#}
{% macro derived_root() -%}
    {{ return(var('derived_root', env_var('KOMMUNANALYS_DERIVED_ROOT', 'data/derived'))) }}
{%- endmacro %}

{#- The SQL of a base model with the folders replaced by the DuckDB variables the plugin sets from the same
    environment (python/kommunanalys/dbt_plugin.py): every quoted path '<raw root>/x' becomes
    getvariable('kommunanalys_raw_root') || '/x' (the derived folder likewise), so that a compiled file names no folder
    of this machine and stays the same wherever the data lies. A folder given as a var (--vars raw_root) is the
    caller's own text and is kept as given. On other engines (Spark reads binaryFile.`path`, which takes no
    expression) the SQL is returned unchanged. -#}
{% macro rot_relativ(sql) -%}
    {{ return(adapter.dispatch('rot_relativ', 'kommunanalys')(sql)) }}
{%- endmacro %}

{% macro default__rot_relativ(sql) -%}
    {{ return(sql) }}
{%- endmacro %}

{% macro duckdb__rot_relativ(sql) -%}
    {%- set ns = namespace(sql=sql) -%}
    {%- for variabel, rot in [('raw_root', kommunanalys.raw_root()), ('derived_root', kommunanalys.derived_root())]
            if var(variabel, none) is none -%}
        {%- set ns.sql = ns.sql.replace("'" ~ rot ~ "/", "getvariable('kommunanalys_" ~ variabel ~ "') || '/") -%}
    {%- endfor -%}
    {{ return(ns.sql) }}
{%- endmacro %}

{#- The rows of one or more read_csv(...) calls over lists of checked files (lasningar; each call's file list a
    getvariable of lasvariabel, one call per encoding), with <prefix>_fil (the delivered file, relative to the
    root, from the list lasvariabel('filer')) and <prefix>_rad: the line in the delivered file (header = 1;
    row_number() over () follows the scan order, which DuckDB keeps: files in list order, rows in file order; a file
    is in one call only), or for a converted copy (SIE, json-stat2) the delivery's own line it carries in
    leverans_rad. DuckDB only (the caller is duckdb__las_leverans). -#}
{% macro raw_csv(lasningar, prefix='kalla') -%}
    {{ return(adapter.dispatch('raw_csv', 'kommunanalys')(lasningar, prefix)) }}
{%- endmacro %}

{% macro default__raw_csv(lasningar, prefix='kalla') -%}
    {{ exceptions.raise_compiler_error("raw_csv reads DuckDB's read_csv: on " ~ target.type ~ " use las_filer") }}
{%- endmacro %}

{% macro duckdb__raw_csv(lasningar, prefix='kalla') -%}
    {%- set numrerade = [] -%}
    {%- for lasning in lasningar -%}
        {%- do numrerade.append('select *, row_number() over () as _scan_nr from ' ~ lasning) -%}
    {%- endfor -%}
    {#- each file's first row by an aggregate joined back (a few rows), not a window partitioned by file, which
        would hold every row with all its columns at once (a gigabyte more at national scale) -#}
    with raw_rows as (
        {{ numrerade | join('\n        union all by name\n        ') }}
    ),

    filstart as (
        select filename, min(_scan_nr) as forsta_nr from raw_rows group by filename
    )

    select
        raw_rows.* exclude (filename, _scan_nr, leverans_rad),
        filer.fil as {{ prefix }}_fil,
        case when filer.konverterad then cast(raw_rows.leverans_rad as integer)
            else cast(raw_rows._scan_nr - filstart.forsta_nr + 2 as integer)
        end as {{ prefix }}_rad
    from raw_rows
    inner join filstart on raw_rows.filename = filstart.filename
    inner join (select unnest(getvariable('{{ kommunanalys.lasvariabel('filer') }}'), recursive := true)) as filer
        on raw_rows.filename = filer.las
{%- endmacro %}

{#- The rows of a CSV source's checked files: the contract's columns as text (NULL when a file lacks one),
    <prefix>_fil and <prefix>_rad. On DuckDB the files are those the pre-hook granska_kallan checked at run time and
    set in DuckDB variables: one read_csv per encoding the check chose (utf-8, incl. the converted copies; latin-1),
    so the compiled SQL names no file. Elsewhere (Spark) the check runs here, while rendering, and las_filer names
    the files (spark__las_filer); tom is the empty relation for a source without files. -#}
{% macro las_leverans(relation, kolumner, rot, prefix='kalla', tom=none) -%}
    {{ return(adapter.dispatch('las_leverans', 'kommunanalys')(relation, kolumner, rot, prefix, tom)) }}
{%- endmacro %}

{% macro default__las_leverans(relation, kolumner, rot, prefix='kalla', tom=none) -%}
    {%- set granskad = kommunanalys.granska_leverans(relation, kolumner, rot) -%}
    {%- if not execute or not granskad.filer -%}
        {{ return(tom) }}
    {%- endif -%}
    {{ return(kommunanalys.las_filer(relation, granskad.filer, kolumner, rot, prefix)) }}
{%- endmacro %}

{% macro duckdb__las_leverans(relation, kolumner, rot, prefix='kalla', tom=none) -%}
    {%- set plats = kommunanalys.kalla_plats(relation) -%}
    {%- set lasningar = [] -%}
    {%- for lista, kodning in [('utf8', 'utf-8'), ('latin1', 'latin-1')] -%}
        {%- do lasningar.append(plats.replace("'" ~ kommunanalys.kalla_glob(relation) ~ "'",
            "getvariable('" ~ kommunanalys.lasvariabel(lista) ~ "')").replace(
            "encoding='" ~ kommunanalys.kalla_kodning(relation) ~ "'", "encoding='" ~ kodning ~ "'")) -%}
    {%- endfor -%}
    {{ return(kommunanalys.raw_csv(lasningar, prefix)) }}
{%- endmacro %}

{#- The checked files of a CSV source (granska_leverans: [{'las': path read, 'fil': name relative to the root,
    'kodning': 'utf-8' | 'latin-1'}], in delivery order) as one relation, read file by file: Spark's path
    (spark__las_filer); DuckDB reads through las_leverans. -#}
{% macro las_filer(relation, filer, kolumner, rot, prefix='kalla') -%}
    {{ return(adapter.dispatch('las_filer', 'kommunanalys')(relation, filer, kolumner, rot, prefix)) }}
{%- endmacro %}

{% macro default__las_filer(relation, filer, kolumner, rot, prefix='kalla') -%}
    {{ exceptions.raise_compiler_error("las_filer is Spark's path (spark__las_filer); on " ~ target.type
        ~ " the files are read by las_leverans") }}
{%- endmacro %}

{#- Spark: each file read whole (binaryFile, one row per file, decoded with the encoding the check chose; a
    Windows-1252 file is read from its UTF-8 copy), split into lines with their position (posexplode), so that the
    line number comes from the file itself and not from the order in which Spark scans it. Blank lines are not
    counted, as on DuckDB. Each line is parsed with from_csv (';', '"' quotes and "" inside them); a column is taken
    by its position in the file's own header (lower case, trimmed), as DuckDB's union_by_name does. A quoted field
    that spans lines is not supported on Spark (the check accepts it; DuckDB reads it). A header may have at most
    spark_max_falt() fields. -#}
{% macro spark_max_falt() -%}{{ return(64) }}{%- endmacro %}

{% macro spark__las_filer(relation, filer, kolumner, rot, prefix='kalla') -%}
    {%- set n = kommunanalys.spark_max_falt() -%}
    {%- set schema = [] -%}
    {%- set falt = [] -%}
    {%- for i in range(1, n + 1) -%}
        {%- do schema.append('c' ~ i ~ ' string') -%}
        {%- do falt.append('_falt.c' ~ i) -%}
    {%- endfor -%}
    {%- set alternativ = "map('sep', ';', 'quote', '\"', 'escape', '\"', 'mode', 'PERMISSIVE')" -%}
    {%- set delar = [] -%}
    {%- for f in filer -%}
        {%- do delar.append("select " ~ loop.index ~ " as _fil_nr, '" ~ f.fil ~ "' as _fil, decode(content, '"
            ~ ('ISO-8859-1' if f.kodning == 'latin-1' else 'UTF-8') ~ "') as _text from binaryFile.`" ~ f.las ~ "`") -%}
    {%- endfor -%}
    select * from (
        with filer as (
            {{ delar | join('\n            union all\n            ') }}
        ),
        linjer as (
            select
                filer._fil,
                linje.pos,
                regexp_replace(linje.rad, '\r$', '') as rad
            from filer
            lateral view posexplode(split(regexp_replace(filer._text, '^\uFEFF', ''), '\n')) linje as pos, rad
        ),
        numrerade as (
            select
                _fil,
                rad,
                row_number() over (partition by _fil order by pos) as nr
            from linjer
            where rad <> ''
        ),
        tolkade as (
            select
                _fil,
                nr,
                array({{ falt | join(', ') }}) as _varden
            from (
                select
                    _fil,
                    nr,
                    from_csv(rad, '{{ schema | join(", ") }}', {{ alternativ }}) as _falt
                from numrerade
            ) as delade
        ),
        rubriker as (
            select
                _fil,
                transform(_varden, x -> lower(trim(x))) as _rubrik
            from tolkade
            where nr = 1
        )
        select
            {%- for k in kolumner %}
            case when array_position(rubriker._rubrik, '{{ k.kolumn }}') > 0
                then element_at(tolkade._varden, cast(array_position(rubriker._rubrik, '{{ k.kolumn }}') as integer))
            end as {{ k.kolumn }},
            {%- endfor %}
            tolkade._fil as {{ prefix }}_fil,
            {#- a ledger converted from SIE carries the SIE line of each row in leverans_rad -#}
            coalesce(
                cast(case when array_position(rubriker._rubrik, 'leverans_rad') > 0
                    then element_at(tolkade._varden, cast(array_position(rubriker._rubrik, 'leverans_rad') as integer))
                end as integer),
                cast(tolkade.nr as integer)
            ) as {{ prefix }}_rad
        from tolkade
        inner join rubriker on tolkade._fil = rubriker._fil
        where tolkade.nr > 1
    ) as rader
{%- endmacro %}
