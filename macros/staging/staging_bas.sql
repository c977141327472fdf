{#- The staging base models (models/staging/<system>/base/base_<system>__<entity>.sql) are all built by
    staging_bas(): read a source in place (CSV via raw_csv, Kolada JSON via kolada_datapunkter), trim, parse the
    Swedish formats, validate every column in the order given, pseudonymise the personnummer and flag the first
    failing check of each row in karantan_kolumn / karantan_orsak / karantan_varde (NULL when the row is usable).

    A column spec is a dict:
      kolumn      the raw column (required)
      namn        the output column (default: kolumn)
      typ         text | kommun_kod | kod | decimal | heltal | bool | datum | tidpunkt | period | personnummer | diagnos
      kravs       true: an empty cell quarantines the row (default false: empty -> NULL)
      varden      kod: the accepted values (compared in lower case)
      mappning    kod: raw value -> output value (e.g. SCB kon 1/2 -> man/kvinna); the keys are the accepted values
      skala       decimal: scale of decimal(18, skala) (default 2)
      min, max    decimal/heltal: inclusive range; min 0 gives the reason 'negativ'
      over        decimal/heltal: exclusive lower bound (minuter > 0)
      inte_fore   datum/tidpunkt: the output column this value may not precede (utskrivning after inskrivning)
      ar          datum: also output ar (integer year) from this date
    Options: lasare 'csv' (raw_csv) or 'kolada_json' (kolada_datapunkter); valfri=true for an optional source
    (no file: an empty relation and a warning); rot 'raw' or 'derived' (the root the file names are relative to);
    prefix of the file/line columns (kalla, or harledd for the runner's files that carry their own kalla_fil).
    period outputs <namn> (text YYYYMM), ar and manad; personnummer outputs person_id, kon, fodelsedatum and
    is_samordningsnummer — never the personnummer itself. -#}

{#- the rows read (las_leverans; Kolada's responses: kolada_datapunkter), or on Spark an empty relation with the
    same text columns when the Kolada source has no file (on DuckDB read_text of no file is empty: the SQL is the
    same with or without files, and the pre-hook warns); filurval: a condition on <prefix>_fil, the rows of only
    those files -#}
{% macro _stg_kalla(relation, kolumner, plan, lasare, rot, prefix, filurval=none) -%}
    {%- set rot_mapp = kommunanalys.derived_root() if rot == 'derived' else kommunanalys.raw_root() -%}
    {%- set tom = 'select ' ~ (plan.tom | join(', ')) ~ ' where false' -%}
    {%- if lasare == 'kolada_json' -%}
        {%- set rader = 'select * from ' ~ kommunanalys.kolada_datapunkter(relation) ~ ' as datapunkter'
            if kommunanalys.kolada_las_utan_filer() or kommunanalys.kalla_finns(relation) else tom -%}
    {%- else -%}
        {%- set rader = kommunanalys.las_leverans(relation, kolumner, rot_mapp, prefix, tom) -%}
    {%- endif -%}
    {%- if filurval is none -%}
        {{ return(rader) }}
    {%- endif -%}
    {{ return('select * from (\n    ' ~ rader ~ '\n    ) as lasta\n    where ' ~ filurval) }}
{%- endmacro %}

{#- The pre-read check as the model's pre-hook (granskning.sql, granskning_hook), set while dbt parses the model -#}
{% macro _stg_granskning(kolumner, lasare, rot) -%}
    {%- do config(pre_hook=kommunanalys.granskning_hook(kolumner, lasare, rot)) -%}
{%- endmacro %}

{#- staging_bas = staging_rader (read, trim, parse, check every cell) + staging_leveranser (resolve the deliveries:
    periods and keys delivered by more than one file), in one query. The incremental base models run the two steps
    as two models (macros/inkrementell.sql): the rows per file, read once, and the deliveries over them. -#}
{% macro staging_bas(relation, kolumner, lasare='csv', valfri=true, rot='raw', prefix='kalla', nyckel=none, period_nyckel=none, kopplingar=[], berikning=[]) -%}
{%- do _stg_granskning(kolumner, lasare, rot) -%}
{%- set kolumner_ut = [] -%}
{%- for u in kommunanalys.staging_plan(kolumner, prefix).utdata -%}
    {%- do kolumner_ut.append(u.split(' as ')[-1]) -%}
{%- endfor %}
with {{ _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning) }},

{{ kommunanalys.staging_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) }}

select * from final
{%- endmacro %}

{#- the rows of a source as read and checked, each with its quarantine reason. filurval: a SQL condition on the
    column <prefix>_fil (the delivered file, relative to the root), e.g. "kalla_fil in (select ...)", applied to the
    rows as read, before they are trimmed, parsed and checked (a model incremental per file reads only the files it
    needs). filer: the older form, a list of file names (relative) read as the condition <prefix>_fil in (...),
    kept until macros/inkrementell.sql passes filurval; under dbt run / build it also tells the pre-hook to check
    and list only those files (a DuckDB variable set while rendering, reset by the hook), so that a monthly run
    reads only its new files. -#}
{% macro staging_rader(relation, kolumner, lasare='csv', valfri=true, rot='raw', prefix='kalla', kopplingar=[], berikning=[], filurval=none, filer=none) -%}
{%- do _stg_granskning(kolumner, lasare, rot) -%}
{%- if filer is not none -%}
    {%- set filurval = prefix ~ "_fil in ('" ~ (filer | join("', '")) ~ "')" if filer else 'false' -%}
    {#- dbt run / build: the pre-hook, which runs after this render on the same connection, checks and lists only
        these files (granska_kallan), as the model read them before; never while compiling -#}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- do run_query("set variable " ~ kommunanalys.lasvariabel('urval') ~ " = '"
            ~ (filer | join('|') | replace("'", "''")) ~ "'") -%}
    {%- endif -%}
{%- endif %}
with {{ _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning, filurval) }}

select * from utdata
{%- endmacro %}

{#- The CTEs of staging_rader: kalla (the rows read), trimmad (every cell trimmed, '' -> NULL), tolkad (parsed, with
    a flag per cell that looks like a personnummer), personnummer (birth date and Luhn check of a personnummer
    column), kontrollerad (per column, <kolumn>__karantan: the reason of its first failing check, NULL when the cell
    passes), karantan (the row's first failing column, in the order of the specs) and utdata. -#}
{% macro _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning, filurval=none) -%}
    {%- set plan = kommunanalys.staging_plan(kolumner, prefix) -%}
    {%- set ny_rad = ',\n        ' -%}
    {%- set ny_gren = '\n            ' -%}
kalla as (
    {{ _stg_kalla(relation, kolumner, plan, lasare, rot, prefix, filurval) }}
),

trimmad as (
    select
        {{ prefix }}_fil,
        {{ prefix }}_rad,
        {{ plan.trimmad | join(ny_rad) }}
    from kalla
),

tolkad as (
    select
        trimmad.*,
        {{ (plan.tolkad + berikning) | join(ny_rad) }}
    from trimmad
    {%- for koppling in kopplingar %}
    {{ koppling }}
    {%- endfor %}
),
{%- if plan.pnr_steg1 %}

personnummer as (
    select
        *,
        {{ plan.pnr_steg1 | join(ny_rad) }}
    from tolkad
),
{%- endif %}

kontrollerad as (
    select
        *,
        {{ plan.karantan | join(ny_rad) }}
    from {{ 'personnummer' if plan.pnr_steg1 else 'tolkad' }}
),

karantan as (
    select
        *,
        {{ kommunanalys.staging_forsta_karantan(plan.karantan_kolumner) }}
    from kontrollerad
),

utdata as (
    select
        {{ prefix }}_fil,
        {{ prefix }}_rad,
        {{ plan.utdata | join(ny_rad) }},
        karantan_kolumn,
        karantan_orsak,
        karantan_varde
    from karantan
)
{%- endmacro %}

{#- The column specs of a population cell (kommun_kod, ar, alder 0-100, kon 1/2, antal >= 0): SCB's observed
    population (base_scb__befolkning) and its forecast (base_scb__prognos_befolkning) are checked by the same rule. -#}
{% macro befolkning_kolumner() -%}
    {{ return([
        {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
        {'kolumn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
        {'kolumn': 'alder', 'typ': 'heltal', 'min': 0, 'max': 100, 'kravs': true},
        {'kolumn': 'kon', 'typ': 'kod', 'mappning': {'1': 'man', '2': 'kvinna'}, 'kravs': true},
        {'kolumn': 'antal', 'typ': 'heltal', 'min': 0, 'kravs': true},
    ]) }}
{%- endmacro %}
