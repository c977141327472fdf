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

{% macro raw_csv(relation, root=none, prefix='kalla', filnamn=none, rad_kolumn=none) -%}
    {{ return(adapter.dispatch('raw_csv', 'kommunanalys')(relation, root, prefix, filnamn, rad_kolumn)) }}
{%- endmacro %}

{#- raw_csv reads a DuckDB read_csv(...) relation; other adapters read the checked files with las_filer -#}
{% macro default__raw_csv(relation, root=none, prefix='kalla', filnamn=none, rad_kolumn=none) -%}
    {{ exceptions.raise_compiler_error("raw_csv reads DuckDB's read_csv: on " ~ target.type ~ " use las_filer") }}
{%- endmacro %}

{#- filnamn: {path read: file name relative to the root} when the files read are not all under the root (a
    UTF-8 copy of a Windows-1252 delivery is read in its place, under its own name); rad_kolumn: a column of the
    files read that holds the line of the delivery each row comes from (the ledger rows converted from a SIE file:
    leverans_rad), used as the line instead of the row's position in the file read -#}
{% macro duckdb__raw_csv(relation, root=none, prefix='kalla', filnamn=none, rad_kolumn=none) -%}
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
            raw_rows.* exclude (filename, _scan_nr{{ ', ' ~ rad_kolumn if rad_kolumn }}),
            {%- if filnamn %}
            case raw_rows.filename
                {%- for las, fil in filnamn.items() %}
                when '{{ las }}' then '{{ fil }}'
                {%- endfor %}
            end as {{ prefix }}_fil,
            {%- else %}
            replace(raw_rows.filename, '{{ root or kommunanalys.raw_root() }}/', '') as {{ prefix }}_fil,
            {%- endif %}
            {%- if rad_kolumn %}
            cast(raw_rows.{{ rad_kolumn }} as integer) as {{ prefix }}_rad
            {%- else %}
            cast(raw_rows._scan_nr - file_start._first_nr + 2 as integer) as {{ prefix }}_rad
            {%- endif %}
        from raw_rows
        inner join file_start on raw_rows.filename = file_start._fil
    )
{%- endmacro %}

{#- The checked files of a CSV source (granska_leverans: [{'las': path read, 'fil': name relative to the root,
    'kodning': 'utf-8' | 'latin-1'}], in delivery order) as one relation: the contract's columns as text (NULL when
    the file has no such column), <prefix>_fil and <prefix>_rad. Dispatched: DuckDB reads each encoding's files
    with read_csv in place (raw_csv); Spark reads file by file (spark__las_filer). -#}
{% macro las_filer(relation, filer, kolumner, rot, prefix='kalla') -%}
    {{ return(adapter.dispatch('las_filer', 'kommunanalys')(relation, filer, kolumner, rot, prefix)) }}
{%- endmacro %}

{% macro duckdb__las_filer(relation, filer, kolumner, rot, prefix='kalla') -%}
    {%- set plats = relation | string -%}
    {%- set monster = kommunanalys.kalla_glob(relation) -%}
    {%- set delar = [] -%}
    {%- for kodning, rad_kolumn in [('utf-8', none), ('latin-1', none), ('utf-8', 'leverans_rad')] -%}
        {%- set delfiler = [] -%}
        {%- for f in filer if f.kodning == kodning -%}
            {%- if (f.rad_kolumn | default(none)) == rad_kolumn -%}
                {%- do delfiler.append(f) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if delfiler -%}
            {%- set lista = "['" ~ (delfiler | map(attribute='las') | join("', '")) ~ "']" -%}
            {%- set las = plats.replace("'" ~ monster ~ "'", lista).replace(
                "encoding='" ~ kommunanalys.kalla_kodning(relation) ~ "'", "encoding='" ~ kodning ~ "'") -%}
            {%- set namn = {} -%}
            {%- for f in delfiler -%}{%- do namn.update({f.las: f.fil}) -%}{%- endfor -%}
            {%- do delar.append('select * from ' ~ kommunanalys.raw_csv(las, rot, prefix, namn, rad_kolumn) ~ ' as rader') -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(kommunanalys.rot_relativ(delar | join('\n    union all by name\n    '))) }}
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
