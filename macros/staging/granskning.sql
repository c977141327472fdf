{#- The pre-read check of the delivered files, before DuckDB (or Spark) reads them: python/kommunanalys/leverans.py
    and kolada.py through the functions the dbt plugin registers (on Spark, python/kommunanalys/spark.py). Runs when
    the model is rendered; it writes the copies it reads some files through only under dbt run / build. -#}

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
    incremental model) -#}
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
    {%- if not svar.filer -%}
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
