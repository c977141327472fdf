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

{#- true when the text holds something that looks like a personnummer or samordningsnummer in any spelling:
    twelve digits (19|20)YYMMDDNNNN or ten digits YYMMDDNNNN, with '-', '+' or nothing before the last four, month
    01-12, day 00-31 or 60-91, bounded by non-digits. Evaluated once per cell (staging_bas keeps it in a column). -#}
{% macro ser_ut_som_personnummer(expr) -%}
    coalesce({{ kommunanalys.regex_contains(expr,
        '(^|[^0-9])((19|20)?[0-9]{2}(0[1-9]|1[0-2])([0-3][0-9]|[6-8][0-9]|9[01])[-+]?[0-9]{4})([^0-9]|$)') }}, false)
{%- endmacro %}

{#- a raw value as shown in a quarantine reason: anything that looks like a personnummer is masked -#}
{% macro visat_varde(expr) -%}
    case when {{ kommunanalys.ser_ut_som_personnummer(expr) }} then '<maskerat personnummer>' else {{ expr }} end
{%- endmacro %}

{#- Kolada API responses saved as JSON (read with read_text), v2 or v3 alike: one row per data point and gender,
    all text, with kalla_fil (relative to raw_root) and kalla_rad (running number of the value in its file). v3's
    status is kept; struken holds why a value is not used (v3 isdeleted true), NULL otherwise (v2 has neither). -#}
{% macro kolada_datapunkter(relation) -%}
    {{ return(adapter.dispatch('kolada_datapunkter', 'kommunanalys')(relation)) }}
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

{#- case lower(<text>) when '<raw>' then '<output>' ... end -#}
{% macro _stg_kodmappning(t, mappning) -%}
    {%- set fall = [] -%}
    {%- for fran, till in mappning.items() -%}
        {%- do fall.append("when '" ~ fran ~ "' then '" ~ till ~ "'") -%}
    {%- endfor -%}
    {{ return('case lower(' ~ t ~ ') ' ~ (fall | join(' ')) ~ ' end') }}
{%- endmacro %}

{#- the parsed value of one column (from its trimmed text <kolumn>__text) -#}
{% macro _stg_tolka(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set uttryck = t -%}
    {%- if k.typ == 'kod' and k.mappning is defined -%}
        {%- set uttryck = _stg_kodmappning(t, k.mappning) -%}
    {%- elif k.typ == 'kod' -%}
        {%- set uttryck = 'lower(' ~ t ~ ')' -%}
    {%- elif k.typ == 'decimal' -%}
        {%- set uttryck = kommunanalys.parse_decimal(t, 18, k.skala | default(2)) -%}
    {%- elif k.typ == 'heltal' -%}
        {%- set uttryck = kommunanalys.parse_integer(t) -%}
    {%- elif k.typ == 'bool' -%}
        {%- set uttryck = kommunanalys.parse_bool(t) -%}
    {%- elif k.typ == 'datum' -%}
        {%- set uttryck = kommunanalys.parse_date(t) -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set uttryck = kommunanalys.parse_timestamp(t) -%}
    {%- elif k.typ == 'period' -%}
        {%- set uttryck = kommunanalys.parse_period(t) -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set uttryck = 'upper(replace(' ~ t ~ ", '.', ''))" -%}
    {%- endif -%}
    {{ return(uttryck) }}
{%- endmacro %}

{#- the checks of one column, in order: a list of dicts villkor (SQL, true = fails) and orsak (SQL text). The
    personnummer look-alike of a column is its flag <kolumn>__pnr, computed once per cell in the CTE tolkad. -#}
{% macro _stg_kontroller(k) -%}
    {%- set t = k.kolumn ~ '__text' -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set namn_sql = "'" ~ k.kolumn ~ ": " -%}
    {%- set visat = t -%}
    {%- set kontroller = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- do kontroller.append({'villkor': k.kolumn ~ '__fel is not null',
            'orsak': namn_sql ~ "' || " ~ k.kolumn ~ '__fel'}) -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- if k.kravs | default(false) -%}
        {%- do kontroller.append({'villkor': t ~ ' is null', 'orsak': namn_sql ~ "saknas'"}) -%}
    {%- endif -%}
    {#- a personnummer in any other column: quarantined, and neither the reason nor the value shows it; the later
        checks of the column show the value, which then does not look like one -#}
    {%- do kontroller.append({'villkor': k.kolumn ~ '__pnr',
        'orsak': namn_sql ~ "liknar ett personnummer (värdet visas inte)'"}) -%}
    {%- if k.typ == 'fel' -%}
        {#- a column in which the runner wrote why the row cannot be used (survey scoring) -#}
        {%- do kontroller.append({'villkor': t ~ ' is not null', 'orsak': t}) -%}
        {{ return(kontroller) }}
    {%- endif -%}
    {%- set fel = none -%}
    {%- set efter = '' -%}
    {%- if k.typ == 'kommun_kod' -%}
        {%- set villkor = 'not ' ~ kommunanalys.is_valid_kommun_kod(t) -%}
        {%- set fel = 'inte fyra siffror' -%}
    {%- elif k.typ == 'kod' -%}
        {%- set tillatna = (k.mappning.keys() | list) if k.mappning is defined else k.varden -%}
        {%- set villkor = 'lower(' ~ t ~ ") not in ('" ~ (tillatna | join("', '")) ~ "')" -%}
        {%- set fel = 'okänt värde' -%}
        {%- set efter = ' (tillåtet: ' ~ (tillatna | join(', ')) ~ ')' -%}
    {%- elif k.typ in ('decimal', 'heltal') -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte ett tal' if k.typ == 'decimal' else 'inte ett heltal' -%}
    {%- elif k.typ == 'bool' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'inte J/N' -%}
    {%- elif k.typ == 'datum' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltigt datum' -%}
    {%- elif k.typ == 'tidpunkt' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig tidpunkt' -%}
    {%- elif k.typ == 'period' -%}
        {%- set villkor = v ~ ' is null' -%}
        {%- set fel = 'ogiltig period' -%}
        {%- set efter = ' (inte en månad YYYYMM)' -%}
    {%- elif k.typ == 'diagnos' -%}
        {%- set villkor = 'not ' ~ kommunanalys.regex_full_match(v, '[A-Z][0-9]{2}[0-9A-Z]{0,5}') -%}
        {%- set fel = 'ogiltig ICD-10-kod' -%}
    {%- endif -%}
    {#- reason: <kolumn>: <fel> '<value>'<efter>, e.g. utskrivning_tid: ogiltig tidpunkt '2024-13-01 10:00' -#}
    {%- if fel is not none -%}
        {%- do kontroller.append({'villkor': t ~ ' is not null and ' ~ villkor,
            'orsak': namn_sql ~ fel ~ " ''' || " ~ visat ~ " || '''" ~ efter ~ "'"}) -%}
    {%- endif -%}
    {%- if k.min is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.min,
            'orsak': namn_sql ~ ('negativ' if k.min == 0 else 'under ' ~ k.min) ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.over is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' <= ' ~ k.over,
            'orsak': namn_sql ~ 'inte större än ' ~ k.over ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {%- if k.max is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max,
            'orsak': namn_sql ~ 'över ' ~ k.max ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: an upper bound computed per row (from a seed joined by the model's kopplingar) -#}
    {%- if k.max_sql is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' > ' ~ k.max_sql,
            'orsak': namn_sql ~ "orimligt värde (' || " ~ visat ~ " || '): mer än ' || cast(cast(" ~ k.max_sql
                ~ ' as integer) as ' ~ dbt.type_string() ~ ") || ' ' || " ~ (k.max_enhet | default("''"))
                ~ " || ' " ~ k.max_text ~ "'"}) -%}
    {%- endif -%}
    {%- if k.inte_fore is defined -%}
        {%- do kontroller.append({'villkor': v ~ ' < ' ~ k.inte_fore,
            'orsak': namn_sql ~ 'före ' ~ k.inte_fore ~ " (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {#- plausibility: no date after the delivery (var leveransdatum, default the day of the build) -#}
    {%- if k.typ in ('datum', 'tidpunkt', 'period') -%}
        {%- set grans = 'cast(' ~ dbt.dateadd('day', 1, kommunanalys.leveransdatum()) ~ ' as date)' if k.typ != 'period'
            else 'cast(' ~ dbt.dateadd('month', 1, dbt.date_trunc('month', kommunanalys.leveransdatum())) ~ ' as date)' -%}
        {%- do kontroller.append({'villkor': v ~ ' >= ' ~ grans,
            'orsak': namn_sql ~ "efter leveransdatum ' || cast(" ~ kommunanalys.leveransdatum() ~ ' as '
                ~ dbt.type_string() ~ ") || ' (' || " ~ visat ~ " || ')'"}) -%}
    {%- endif -%}
    {{ return(kontroller) }}
{%- endmacro %}

{#- the date of the delivery: var leveransdatum ('YYYY-MM-DD'), else the day of the build. A date after it is
    quarantined (a delivery cannot report the future). -#}
{% macro leveransdatum() -%}
    {%- set d = var('leveransdatum', none) -%}
    {{ return("cast('" ~ d ~ "' as date)" if d else 'current_date') }}
{%- endmacro %}

{#- value, or NULL when the raw text looks like a personnummer (flag <kolumn>__pnr) -#}
{% macro _stg_utan_personnummer(kolumn, value) -%}
    {{ return('case when ' ~ kolumn ~ '__pnr then null else ' ~ value ~ ' end') }}
{%- endmacro %}

{#- the output columns of one column spec (select list items) -#}
{% macro _stg_utdata(k) -%}
    {%- set v = k.namn | default(k.kolumn) -%}
    {%- set utdata = [] -%}
    {%- if k.typ == 'personnummer' -%}
        {%- set norm = k.kolumn ~ '__norm' -%}
        {%- set giltig = 'case when ' ~ k.kolumn ~ '__fel is null then ' -%}
        {%- do utdata.append(giltig ~ kommunanalys.pseudonym(norm) ~ ' end as person_id') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_sex(norm) ~ ' end as kon') -%}
        {%- do utdata.append(giltig ~ k.kolumn ~ '__fodd end as fodelsedatum') -%}
        {%- do utdata.append(giltig ~ kommunanalys.pnr_is_samordningsnummer(norm) ~ ' end as is_samordningsnummer') -%}
    {%- elif k.typ == 'fel' -%}
        {#- the runner's reason column is not output -#}
    {%- elif k.typ == 'period' -%}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, k.kolumn ~ '__text') ~ ' as ' ~ v) -%}
        {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- do utdata.append('cast(extract(month from ' ~ v ~ ') as integer) as manad') -%}
    {%- elif k.typ in ('text', 'kommun_kod', 'diagnos') or (k.typ == 'kod' and k.mappning is not defined) -%}
        {#- text copied from the file: a value that looks like a personnummer is not kept, not even in a base table -#}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
    {%- else -%}
        {%- do utdata.append(_stg_utan_personnummer(k.kolumn, v) ~ ' as ' ~ v) -%}
        {%- if k.ar | default(false) -%}
            {%- do utdata.append('cast(extract(year from ' ~ v ~ ') as integer) as ar') -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(utdata) }}
{%- endmacro %}

{#- Everything staging_bas needs, as lists of SQL fragments: the empty relation (a source without files), the
    trimmed texts, the parsed columns with one personnummer flag per cell, the personnummer columns (birth date and
    Luhn once per cell, then the reason), the checks (numbered: the first failing check's number is computed once
    per row, and kolumn, orsak and varde are chosen by that number) and the output. -#}
{% macro _stg_plan(kolumner, prefix) -%}
    {%- set plan = {'tom': [], 'trimmad': [], 'tolkad': [], 'pnr_steg1': [], 'pnr_steg2': [], 'villkor': [],
        'kolumn': [], 'orsak': [], 'varde': [], 'utdata': []} -%}
    {%- for k in kolumner -%}
        {%- set t = k.kolumn ~ '__text' -%}
        {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ k.kolumn) -%}
        {%- do plan.trimmad.append(kommunanalys.clean_text(k.kolumn) ~ ' as ' ~ t) -%}
        {%- if k.typ == 'personnummer' -%}
            {%- set norm = k.kolumn ~ '__norm' -%}
            {%- do plan.tolkad.append(kommunanalys.pnr_normalize(t) ~ ' as ' ~ norm) -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_birth_date(norm) ~ ' as ' ~ k.kolumn ~ '__fodd') -%}
            {%- do plan.pnr_steg1.append(kommunanalys.pnr_luhn_ok(norm) ~ ' as ' ~ k.kolumn ~ '__luhn') -%}
            {%- do plan.pnr_steg2.append('case when ' ~ t ~ " is null then 'saknas' when " ~ norm
                ~ " is null then 'inte tolv siffror' when " ~ k.kolumn ~ "__fodd is null then 'ogiltigt datum'"
                ~ ' when not ' ~ k.kolumn ~ "__luhn then 'fel kontrollsiffra' end as " ~ k.kolumn ~ '__fel') -%}
        {%- else -%}
            {%- do plan.tolkad.append(kommunanalys.ser_ut_som_personnummer(t) ~ ' as ' ~ k.kolumn ~ '__pnr') -%}
            {%- if k.typ != 'fel' -%}
                {%- do plan.tolkad.append(_stg_tolka(k) ~ ' as ' ~ (k.namn | default(k.kolumn))) -%}
            {%- endif -%}
        {%- endif -%}
        {#- the raw value of a failing row; never a personnummer, nor anything that looks like one -#}
        {%- set varde = 'null' if k.typ in ('personnummer', 'fel')
            else 'case when ' ~ k.kolumn ~ '__pnr then null else ' ~ t ~ ' end' -%}
        {%- for kontroll in _stg_kontroller(k) -%}
            {%- set nr = plan.villkor | length + 1 -%}
            {%- do plan.villkor.append('when ' ~ kontroll.villkor ~ ' then ' ~ nr) -%}
            {%- do plan.kolumn.append('when ' ~ nr ~ " then '" ~ k.kolumn ~ "'") -%}
            {%- do plan.orsak.append('when ' ~ nr ~ ' then ' ~ kontroll.orsak) -%}
            {%- do plan.varde.append('when ' ~ nr ~ ' then ' ~ varde) -%}
        {%- endfor -%}
        {%- do plan.utdata.extend(_stg_utdata(k)) -%}
    {%- endfor -%}
    {%- do plan.tom.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ prefix ~ '_fil') -%}
    {%- do plan.tom.append('cast(null as integer) as ' ~ prefix ~ '_rad') -%}
    {{ return(plan) }}
{%- endmacro %}

{#- the rows read: the checked files of the source (grouped by the encoding they are read with), or an empty
    relation with the same text columns when the source has no file -#}
{% macro _stg_kalla(relation, kolumner, plan, lasare, rot, prefix, urval_filer=none) -%}
    {%- set rot_mapp = kommunanalys.derived_root() if rot == 'derived' else kommunanalys.raw_root() -%}
    {%- set tom = 'select ' ~ (plan.tom | join(', ')) ~ ' where false' -%}
    {%- if urval_filer is not none -%}
        {#- only these files (names relative to the root; a model incremental per file), each checked on its own -#}
        {%- if not urval_filer -%}
            {{ return(tom) }}
        {%- endif -%}
        {%- set granskad = {'filer': []} -%}
        {%- for f in urval_filer -%}
            {%- set svar = kommunanalys.granska_leverans(relation, kolumner, rot_mapp, monster=rot_mapp ~ '/' ~ f) -%}
            {%- do granskad.filer.extend(svar.filer if svar else []) -%}
        {%- endfor -%}
        {{ return(_stg_kalla_filer(relation, granskad, kolumner, rot_mapp, prefix, tom)) }}
    {%- endif -%}
    {%- if lasare == 'kolada_json' -%}
        {%- if not kommunanalys.kalla_finns(relation) -%}
            {{ return(tom) }}
        {%- endif -%}
        {%- do kommunanalys.granska_kolada(relation) -%}
        {{ return('select * from ' ~ kommunanalys.kolada_datapunkter(relation) ~ ' as datapunkter') }}
    {%- endif -%}
    {%- set granskad = kommunanalys.granska_leverans(relation, kolumner, rot_mapp) -%}
    {{ return(_stg_kalla_filer(relation, granskad, kolumner, rot_mapp, prefix, tom)) }}
{%- endmacro %}

{#- the checked files, read -#}
{% macro _stg_kalla_filer(relation, granskad, kolumner, rot_mapp, prefix, tom) -%}
    {%- if not execute or not granskad.filer -%}
        {{ return(tom) }}
    {%- endif -%}
    {{ return(kommunanalys.las_filer(relation, granskad.filer, kolumner, rot_mapp, prefix)) }}
{%- endmacro %}

{#- Delivery semantics (README, "Deliveries"; contract docs/contract/raw-extracts.md). Files are deliveries, ordered
    by name (the path relative to the root): a later file is a later delivery.
    period_nyckel (SQL over the output columns, e.g. ['kommun_kod', 'period']): a period a later file delivers
    replaces the rows of that period in every earlier file (ersatt_av = the later file).
    nyckel (output columns): among the usable rows left, a key occurs once: the row of the latest file is used; a row
    of an earlier file with the same key is replaced (ersatt_av), a second row with the same key in the same file is
    quarantined ('dubblett'). Never summed. -#}
{% macro _stg_leveranser(prefix, nyckel, period_nyckel) -%}
    {%- set fil = prefix ~ '_fil' -%}
    {%- set rad = prefix ~ '_rad' -%}
    {%- if period_nyckel -%}
        {%- set period_sql = 'max(' ~ fil ~ ') over (partition by ' ~ (period_nyckel | join(', ')) ~ ')' -%}
    {%- else -%}
        {%- set period_sql = fil -%}
    {%- endif -%}
    {%- set anvandbar = 'karantan_orsak is null and ' ~ fil ~ ' = senaste_fil' -%}
    {%- if nyckel -%}
        {%- set w = 'over (partition by (' ~ anvandbar ~ '), ' ~ (nyckel | join(', ')) ~ ' order by ' ~ fil
            ~ ' desc, ' ~ rad ~ ')' -%}
        {%- set nyckel_sql = 'case when ' ~ anvandbar ~ ' then row_number() ' ~ w ~ ' end as nyckel_nr, '
            ~ 'first_value(' ~ fil ~ ') ' ~ w ~ ' as nyckel_fil, first_value(' ~ rad ~ ') ' ~ w ~ ' as nyckel_rad' -%}
    {%- else -%}
        {%- set nyckel_sql = 'cast(null as integer) as nyckel_nr, cast(null as ' ~ dbt.type_string()
            ~ ') as nyckel_fil, cast(null as integer) as nyckel_rad' -%}
    {%- endif -%}
    {%- set dubblett = 'nyckel_nr > 1 and nyckel_fil = ' ~ fil -%}
    {%- set nyckeltext = (nyckel | join(', ')) if nyckel else '' -%}
    {{ return({'period': period_sql, 'nyckel': nyckel_sql, 'dubblett': dubblett, 'nyckeltext': nyckeltext,
        'forsta': (nyckel[0] if nyckel else '')}) }}
{%- endmacro %}

{#- staging_bas = staging_rader (read, trim, parse, check every cell) + staging_leveranser (resolve the deliveries:
    periods and keys delivered by more than one file), in one query. The incremental base models run the two steps
    as two models (macros/inkrementell.sql): the rows per file, read once, and the deliveries over them. -#}
{% macro staging_bas(relation, kolumner, lasare='csv', valfri=true, rot='raw', prefix='kalla', nyckel=none, period_nyckel=none, kopplingar=[], berikning=[]) -%}
{%- set kolumner_ut = [] -%}
{%- for u in _stg_plan(kolumner, prefix).utdata -%}{%- do kolumner_ut.append(u.split(' as ')[-1]) -%}{%- endfor %}
with {{ _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning) }},

{{ _stg_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) }}

select * from final
{%- endmacro %}

{#- the rows of a source as read and checked, each with its quarantine reason; filer: only these files (relative
    names), for a model incremental per file -#}
{% macro staging_rader(relation, kolumner, lasare='csv', valfri=true, rot='raw', prefix='kalla', kopplingar=[], berikning=[], filer=none) -%}
with {{ _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning, filer) }}

select * from utdata
{%- endmacro %}

{#- the deliveries resolved over the rows of staging_rader (a relation), optionally only those where urval holds -#}
{% macro staging_leveranser(relation, prefix='kalla', nyckel=none, period_nyckel=none, urval=none) -%}
{#- the output columns of the rows' model, as built (at parse time: none) -#}
{%- set kolumner_ut = [] -%}
{%- if execute -%}
    {%- for c in adapter.get_columns_in_relation(relation) if c.name not in (prefix ~ '_fil', prefix ~ '_rad',
            'karantan_kolumn', 'karantan_orsak', 'karantan_varde') -%}
        {%- do kolumner_ut.append(c.name) -%}
    {%- endfor -%}
{%- endif %}
with utdata as (
    select * from {{ relation }}
    {%- if urval %}
    where {{ urval }}
    {%- endif %}
),

{{ _stg_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) }}

select * from final
{%- endmacro %}

{% macro _stg_rader_ctes(relation, kolumner, lasare, rot, prefix, kopplingar, berikning, filer=none) -%}
    {%- set plan = _stg_plan(kolumner, prefix) -%}
    {%- set ny_rad = ',\n        ' -%}
    {%- set ny_gren = '\n            ' -%}
kalla as (
    {{ _stg_kalla(relation, kolumner, plan, lasare, rot, prefix, filer) }}
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
    {{ kopplingar | join('\n    ') }}
),

{%- if plan.pnr_steg1 %}

personnummer_steg1 as (
    select
        *,
        {{ plan.pnr_steg1 | join(ny_rad) }}
    from tolkad
),

personnummer_kontroll as (
    select
        *,
        {{ plan.pnr_steg2 | join(ny_rad) }}
    from personnummer_steg1
),
{%- else %}

personnummer_kontroll as (
    select * from tolkad
),
{%- endif %}

forsta_fel as (
    select
        *,
        case
            {{ plan.villkor | join(ny_gren) }}
        end as karantan_nr
    from personnummer_kontroll
),

kontrollerad as (
    select
        *,
        case karantan_nr
            {{ plan.kolumn | join(ny_gren) }}
        end as karantan_kolumn,
        case karantan_nr
            {{ plan.orsak | join(ny_gren) }}
        end as karantan_orsak,
        case karantan_nr
            {{ plan.varde | join(ny_gren) }}
        end as karantan_varde
    from forsta_fel
),

utdata as (
    select
        {{ prefix }}_fil,
        {{ prefix }}_rad,
        {{ plan.utdata | join(ny_rad) }},
        karantan_kolumn,
        karantan_orsak,
        karantan_varde
    from kontrollerad
)
{%- endmacro %}

{#- kolumner_ut: the output columns between the file/line columns and the quarantine columns, by name -#}
{% macro _stg_leveranser_ctes(prefix, nyckel, period_nyckel, kolumner_ut) -%}
    {%- set lev = _stg_leveranser(prefix, nyckel, period_nyckel) -%}
perioder as (
    select
        *,
        {{ lev.period }} as senaste_fil
    from utdata
),

nycklar as (
    select
        *,
        {{ lev.nyckel }}
    from perioder
),

{#- the output columns by name (no `* exclude`: DuckDB-only) #}
final as (
    select
        {{ prefix }}_fil,
        {{ prefix }}_rad,
        {%- for k in kolumner_ut %}
        {{ k }},
        {%- endfor %}
        case when {{ lev.dubblett }} then '{{ lev.forsta }}' else karantan_kolumn end as karantan_kolumn,
        case
            when {{ lev.dubblett }}
                then 'dubblett: samma nyckel ({{ lev.nyckeltext }}) som rad ' || cast(nyckel_rad as {{ dbt.type_string() }})
            else karantan_orsak
        end as karantan_orsak,
        case when {{ lev.dubblett }} then null else karantan_varde end as karantan_varde,
        case
            when karantan_orsak is not null then null
            when {{ prefix }}_fil <> senaste_fil then senaste_fil
            when nyckel_nr > 1 and nyckel_fil <> {{ prefix }}_fil then nyckel_fil
        end as ersatt_av
    from nycklar
)
{%- endmacro %}

{#- The staging base models, one per file of the input contract, with the source system, the table, the prefix of
    the columns that say which file and line was read (kalla; harledd for the runner's files) and the root that
    file is relative to. karantan and radavstamning are built from this list. -#}
{% macro staging_basmodeller() -%}
    {{ return([
        {'system': 'ekonomi', 'tabell': 'huvudbok', 'modell': 'base_ekonomi__huvudbok'},
        {'system': 'ekonomi', 'tabell': 'budget', 'modell': 'base_ekonomi__budget'},
        {'system': 'verksamhet', 'tabell': 'insatser', 'modell': 'base_verksamhet__insatser'},
        {'system': 'scb', 'tabell': 'befolkning', 'modell': 'base_scb__befolkning'},
        {'system': 'region', 'tabell': 'vardtillfallen', 'modell': 'base_region__vardtillfallen'},
        {'system': 'region', 'tabell': 'kva', 'modell': 'base_region__kva'},
        {'system': 'samsa', 'tabell': 'utskrivning', 'modell': 'base_samsa__utskrivning'},
        {'system': 'samsa', 'tabell': 'sip', 'modell': 'base_samsa__sip_handelser'},
        {'system': 'enkat', 'tabell': 'sip_delaktighet_blad', 'modell': 'base_enkat__sip_delaktighet',
            'prefix': 'harledd', 'rot': 'derived'},
        {'system': 'enkat', 'tabell': 'sip_delaktighet_svar', 'modell': 'base_enkat__sip_delaktighet_svar',
            'prefix': 'harledd', 'rot': 'derived'},
        {'system': 'granskning', 'tabell': 'sip_granskning', 'modell': 'base_granskning__sip_granskning'},
        {'system': 'tid', 'tabell': 'sip_tid', 'modell': 'base_tid__sip_tid'},
        {'system': 'extern', 'tabell': 'kolada', 'modell': 'base_extern__kolada'},
    ]) }}
{%- endmacro %}

{#- the rows of one base model with the file they were read from: kalla_system, kalla_tabell, kalla_rot, kalla_fil,
    kalla_rad and the model's own columns named in kolumner (SQL select items) -#}
{% macro staging_basrader(m, kolumner) -%}
    select
        '{{ m.system }}' as kalla_system,
        '{{ m.tabell }}' as kalla_tabell,
        '{{ m.rot | default("raw") }}' as kalla_rot,
        {{ m.prefix | default('kalla') }}_fil as kalla_fil,
        {{ m.prefix | default('kalla') }}_rad as kalla_rad,
        {{ kolumner | join(',\n        ') }}
    from {{ ref(m.modell) }}
{%- endmacro %}

{#- staging_basrader of every base model, optionally filtered (SQL condition), as one union all. Called without the
    package prefix so that sqlfluff's jinja templater can render the models that use it. -#}
{% macro staging_basunion(kolumner, villkor=none) -%}
    {%- set delar = [] -%}
    {%- for m in staging_basmodeller() -%}
        {%- do delar.append(staging_basrader(m, kolumner) ~ ('\n    where ' ~ villkor if villkor else '')) -%}
    {%- endfor -%}
    {{ return(delar | join('\n\n    union all\n\n    ')) }}
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
