{#- The pre-read check of the delivered files, before DuckDB (or Spark) reads them: python/kommunanalys/leverans.py
    and kolada.py through the functions the dbt plugin registers (on Spark, python/kommunanalys/spark.py).
    On DuckDB it runs when the model runs, as the base model's pre-hook (granska_kallan), and hands the files to read
    to the model's SQL in DuckDB variables: the compiled SQL is the same whatever files are delivered, and
    `dbt compile` checks nothing and writes nothing. On Spark it runs while the model is rendered (spark__las_filer
    names each file in its SQL: binaryFile.`path` takes no expression, and a Spark session has no variable a path
    could be read from). -#}

{#- The pre-hook a base model gets from staging_bas / staging_rader (config at parse time): a call of granska_kallan
    with the contract's column names, rendered and run by dbt just before the model's SQL, on the same connection
    (DuckDB variables live per connection). -#}
{% macro granskning_hook(kolumner, lasare='csv', rot='raw') -%}
    {%- set namn = [] -%}
    {%- for k in kolumner -%}{%- do namn.append(k.kolumn) -%}{%- endfor -%}
    {{ return("{{ kommunanalys.granska_kallan(['" ~ (namn | join("', '")) ~ "'], '" ~ lasare ~ "', '" ~ rot
        ~ "') }}") }}
{%- endmacro %}

{#- The name of the DuckDB variable that holds one list of the files a base model reads (set by granska_kallan,
    read by raw_csv / las_leverans): utf8 and latin1 (the paths to read with that encoding, each list ending with the
    header-only file leverans.tom_leverans writes, since read_csv refuses an empty list), filer (every path read
    with its delivered name relative to the root, fil, and whether it is a converted copy carrying the delivery's
    line in leverans_rad, konverterad). -#}
{% macro lasvariabel(lista) -%}
    {{ return('kommunanalys_lasning_' ~ this.identifier ~ '_' ~ lista) }}
{%- endmacro %}

{#- The pre-read check at run time (the pre-hook of granskning_hook), for the model's source (its only source:
    model.sources): namn the contract's columns, lasare 'csv' or 'kolada_json', rot 'raw' or 'derived'. A file
    that fails stops the model naming file and line, as before; otherwise returns the `set variable` statements of
    the lists lasvariabel describes. On Spark nothing (spark__las_filer checks while rendering). -#}
{% macro granska_kallan(namn, lasare='csv', rot='raw') -%}
    {{ return(adapter.dispatch('granska_kallan', 'kommunanalys')(namn, lasare, rot)) }}
{%- endmacro %}

{% macro default__granska_kallan(namn, lasare='csv', rot='raw') -%}
    {{ return('') }}
{%- endmacro %}

{% macro duckdb__granska_kallan(namn, lasare='csv', rot='raw') -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set relation = source(model.sources[0][0], model.sources[0][1]) -%}
    {%- if lasare == 'kolada_json' -%}
        {%- if kommunanalys.kalla_finns(relation) -%}
            {%- do kommunanalys.granska_kolada(relation) -%}
        {%- endif -%}
        {{ return('') }}
    {%- endif -%}
    {%- set kolumner = [] -%}
    {%- for n in namn -%}{%- do kolumner.append({'kolumn': n}) -%}{%- endfor -%}
    {%- set rot_mapp = kommunanalys.derived_root() if rot == 'derived' else kommunanalys.raw_root() -%}
    {#- the files a model incremental per file reads this time, when its render named them (staging_rader's filer):
        only those are checked and listed; the variable is reset, so that it never outlives this model's run -#}
    {%- set urval = run_query("select getvariable('" ~ kommunanalys.lasvariabel('urval') ~ "')")
        .columns[0].values()[0] -%}
    {%- if urval is none -%}
        {%- set svar = kommunanalys.granska_leverans(relation, kolumner, rot_mapp) -%}
    {%- else -%}
        {%- do run_query("reset variable " ~ kommunanalys.lasvariabel('urval')) -%}
        {#- '|': the empty list of patterns (no file), for the header-only file when no file is read -#}
        {%- set svar = kommunanalys.granska_leverans(relation, kolumner, rot_mapp, monster='|') -%}
        {%- for f in (urval.split('|') if urval else []) -%}
            {%- do svar.filer.extend(kommunanalys.granska_leverans(relation, kolumner, rot_mapp,
                monster=rot_mapp ~ '/' ~ f).filer) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set listor = {'utf8': [], 'latin1': [], 'filer': []} -%}
    {%- for f in svar.filer -%}
        {%- set las = f.las | replace("'", "''") -%}
        {%- do listor[f.kodning | replace('-', '')].append("'" ~ las ~ "'") -%}
        {%- do listor.filer.append("{'las': '" ~ las ~ "', 'fil': '" ~ (f.fil | replace("'", "''"))
            ~ "', 'konverterad': " ~ ('true' if f.rad_kolumn is defined else 'false') ~ "}") -%}
    {%- endfor -%}
    {%- set satser = [] -%}
    {%- for lista in ['utf8', 'latin1'] -%}
        {%- do satser.append("set variable " ~ kommunanalys.lasvariabel(lista) ~ " = ["
            ~ ((listor[lista] + ["'" ~ (svar.tom | replace("'", "''")) ~ "'"]) | join(', ')) ~ "]") -%}
    {%- endfor -%}
    {%- do satser.append("set variable " ~ kommunanalys.lasvariabel('filer') ~ " = cast([" ~ (listor.filer | join(', '))
        ~ "] as struct(las varchar, fil varchar, konverterad boolean)[])") -%}
    {{ return(satser | join(';\n')) }}
{%- endmacro %}

{#- What the SIE reader needs to turn a ledger file into rows (JSON): orgnr -> kommun_kod (seed kommuner, column
    orgnr) and the seed sie_dimensioner (kommun_kod, dim_nr, kolumn), for the ledger only (the model that reads it
    declares both seeds: -- depends_on); and, for every source, "skriv": whether the check may write the copies it reads in a file's place (the UTF-8 copy of a Windows-1252
    file, the CSV of a SIE or json-stat2 file): only when the model runs (dbt run / build). `dbt compile`, `dbt show`
    and the docs name the same copies without writing them: compiling writes no file. -#}
{% macro sie_konfig(relation) -%}
    {%- set skriv = flags.WHICH in ('run', 'build') -%}
    {%- if relation.identifier != 'huvudbok' or not execute -%}
        {{ return(tojson({'skriv': skriv})) }}
    {%- endif -%}
    {%- set orgnr = {} -%}
    {%- for r in run_query("select orgnr, kommun_kod from " ~ ref('kommuner') ~ " where orgnr is not null").rows -%}
        {%- do orgnr.update({r[0] | trim: r[1]}) -%}
    {%- endfor -%}
    {%- set dimensioner = [] -%}
    {%- for r in run_query("select kommun_kod, cast(dim_nr as " ~ dbt.type_string() ~ "), kolumn from "
            ~ ref('sie_dimensioner')).rows -%}
        {%- do dimensioner.append({'kommun_kod': r[0], 'dim_nr': r[1], 'kolumn': r[2]}) -%}
    {%- endfor -%}
    {{ return(tojson({'orgnr': orgnr, 'dimensioner': dimensioner, 'skriv': skriv})) }}
{%- endmacro %}

{#- Checks every file of a CSV source before it is read (python/kommunanalys/leverans.py, registered in DuckDB by
    the plugin): encoding (Latin-1 read as Windows-1252; unambiguous UTF-8 read as UTF-8), header, field count per
    line, quotes. Returns {'filer': [{'las', 'fil', 'kodning'}], ...}; stops the build with the files' errors (file,
    line, what is wrong; never a line's content). At parse time: an empty list. -#}
{% macro granska_leverans(relation, kolumner, rot, monster=none) -%}
    {{ return(adapter.dispatch('granska_leverans', 'kommunanalys')(relation, kolumner, rot, monster)) }}
{%- endmacro %}

{#- the same call on DuckDB (the plugin registers the function) and on Spark (python/kommunanalys/spark.py registers
    it in the session); monster: check the files matching this pattern instead of the source's (one file of an
    incremental model; '|' checks no file); the warning that no file matches is for the source's own patterns -#}
{% macro default__granska_leverans(relation, kolumner, rot, monster=none) -%}
    {%- if not execute -%}
        {{ return({'filer': [], 'fel': [], 'info': []}) }}
    {%- endif -%}
    {%- set namn = [] -%}
    {%- for k in kolumner -%}{%- do namn.append(k.kolumn) -%}{%- endfor -%}
    {%- set sql = "select kommunanalys_granska_leverans('" ~ (monster or (kommunanalys.kalla_monster(relation) | join('|')))
        ~ "', '" ~ kommunanalys.kalla_kodning(relation) ~ "', '" ~ (namn | join(',')) ~ "', '" ~ rot ~ "', '"
        ~ kommunanalys.derived_root() ~ "/omkodade', '" ~ (kommunanalys.sie_konfig(relation) | replace("'", "''"))
        ~ "')" -%}
    {%- set svar = fromjson(run_query(sql).columns[0].values()[0]) -%}
    {%- for rad in svar.info -%}
        {%- do log("NOTE: " ~ rad, info=true) -%}
    {%- endfor -%}
    {%- if svar.fel -%}
        {{ exceptions.raise_compiler_error("Leveransen kan inte läsas (" ~ relation.identifier ~ "): "
            ~ (svar.fel | join(' | '))) }}
    {%- endif -%}
    {%- if not svar.filer and monster is none -%}
        {%- do log("WARNING: no file matches '" ~ kommunanalys.kalla_glob(relation) ~ "' (source "
            ~ relation.identifier ~ "): " ~ this.identifier ~ " is built empty.", info=true) -%}
    {%- endif -%}
    {{ return(svar) }}
{%- endmacro %}

{#- The saved Kolada responses before they are read (python/kommunanalys/kolada.py, registered by the plugin on
    DuckDB and in the session on Spark): valid JSON with a values list, and every page whose paging says more pages
    follow (v2 next_page, v3 next_url) has its next page among the files; else the build stops naming the file. -#}
{% macro granska_kolada(relation) -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set svar = fromjson(run_query("select kommunanalys_granska_kolada('" ~ kommunanalys.kalla_glob(relation)
        ~ "', '" ~ kommunanalys.raw_root() ~ "')").columns[0].values()[0]) -%}
    {%- if svar.fel -%}
        {{ exceptions.raise_compiler_error("Leveransen kan inte läsas (" ~ relation.identifier ~ "): "
            ~ (svar.fel | join(' | '))) }}
    {%- endif -%}
{%- endmacro %}
