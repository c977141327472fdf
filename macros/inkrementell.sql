{#- Incremental builds keyed by delivery and period (issue 12). Two kinds of incremental model share three small
    state tables in schema `inkrementell` (created by inkrementell_skapa_tillstand, on-run-start):

    1. Staging base models of the big facts (ledger, volumes, episodes) are incremental PER FILE
       (inkrementell_staging_bas instead of staging_bas). A file is (re)read when its name, size or modification time
       differ from what was read last time (table inkrementell.filer); the rows of a changed or removed file are
       deleted first. Every year and month whose rows were deleted or inserted is written to the change log
       (inkrementell.logg, one row per model, run, year and month, with a running number lopnr). The month is
       the row's own, not the file's: a late posting for October in November's file changes October.
    2. The per-person KPB models are incremental PER YEAR (inkrementell_per_ar around the model's SQL, with
       inkrementell_ar_filter() where the inputs are read). KPB unit costs are per year (the year's ledger over the
       year's volume), so what a delivery touches is the YEAR of each month it changes: the model recomputes the
       years the change log names since its own last successful run (lopnr in inkrementell.status) and keeps the
       other years' rows.
       Models where every row depends only on rows of its own month are incremental PER MONTH the same way
       (inkrementell_per_ar(period_kolumn=...) with inkrementell_period_filter()): the staging models resolving the
       deliveries of the ledger and the volumes (the key includes the month) and the ledger translation (row by
       row). One new month then rewrites one month of them, not a year.
    Either kind recomputes everything (like --full-refresh, into the existing table) when its fingerprint changed:
    the model's own generated SQL (so also a change of the macros or vars it renders) and the checksums of every
    node upstream (seeds, models). A base model's fingerprint is the SQL staging_bas generates for it.

    Side effects (deleting the rows to be replaced, registering the run as pending) happen while the model's SQL is
    rendered, only under `dbt run` / `dbt build`; the post-hook inkrementell_efter() marks the run done. A run that
    fails leaves its registration pending, so the next run redoes the same files and years. -#}

{#- the state tables (schema inkrementell) -#}
{% macro inkrementell_tabell(namn) -%}
    {{ return(api.Relation.create(database=target.database, schema='inkrementell', identifier=namn)) }}
{%- endmacro %}

{#- DuckDB only (read_blob lists the files with size and modification time); on other engines the incremental
    models build in full every run (is_incremental() false is not needed: without the state they read everything) -#}
{#- only for dbt run / build: `dbt compile` (which renders the project's hooks too) changes nothing -#}
{% macro inkrementell_skapa_tillstand() -%}
    {%- if target.type != 'duckdb' or flags.WHICH not in ('run', 'build') -%}
        {{ return('') }}
    {%- endif %}
    create schema if not exists {{ target.database }}.inkrementell;
    create table if not exists {{ inkrementell_tabell('filer') }} (
        modell {{ dbt.type_string() }}, kalla_fil {{ dbt.type_string() }}, storlek bigint,
        andrad {{ dbt.type_string() }}, korning {{ dbt.type_string() }}, klar boolean
    );
    create table if not exists {{ inkrementell_tabell('logg') }} (
        lopnr bigint, modell {{ dbt.type_string() }}, ar integer, alla boolean, korning {{ dbt.type_string() }},
        registrerad {{ dbt.type_timestamp() }}, period integer
    );
    {#- a database built before the month was logged: the column is added (its earlier rows have none; the models
        incremental per month recompute in full the first time, as their generated SQL changed) -#}
    alter table {{ inkrementell_tabell('logg') }} add column if not exists period integer;
    create table if not exists {{ inkrementell_tabell('status') }} (
        modell {{ dbt.type_string() }}, korning {{ dbt.type_string() }}, klar boolean, alla boolean, lopnr bigint,
        fingeravtryck {{ dbt.type_string() }}, ar_uttryck {{ dbt.type_string() }}, nyckel {{ dbt.type_string() }},
        ar_lista {{ dbt.type_string() }},
        registrerad {{ dbt.type_timestamp() }}, period_uttryck {{ dbt.type_string() }}
    );
    alter table {{ inkrementell_tabell('status') }} add column if not exists period_uttryck {{ dbt.type_string() }}
{%- endmacro %}

{#- the materialization of a model incremental per file or per year: incremental on DuckDB; a table on engines
    without the state (every build recomputes it in full there, and an append would count rows twice) -#}
{% macro inkrementell_materialisering() -%}
    {{ return('incremental' if target.type == 'duckdb' else 'table') }}
{%- endmacro %}

{#- true when this render may change state: `dbt run` / `dbt build`, at execution, with the state tables present -#}
{% macro _inkr_aktiv() -%}
    {#- not for unit tests (they render the model over fixture rows, without a relation of their own) -#}
    {{ return(execute and target.type == 'duckdb' and flags.WHICH in ('run', 'build') and model.resource_type == 'model'
        and this is not none and adapter.get_relation(target.database, 'inkrementell', 'status') is not none) }}
{%- endmacro %}

{% macro _inkr_sql_lista(varden) -%}
    {%- set citerade = [] -%}
    {%- for v in varden -%}
        {%- do citerade.append("'" ~ (v | string | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {{ return('(' ~ (citerade | join(', ')) ~ ')') }}
{%- endmacro %}

{#- every row is recomputed (the fingerprint changed): the table is dropped, and the materialization then creates it
    anew, as in a first build. Not `delete from`: when the columns changed too, on_schema_change's ALTER TABLE after
    a DELETE in the same transaction cannot commit in DuckDB ("another transaction has altered this table"), and
    creating the table costs less than deleting every row and inserting them again. -#}
{% macro _inkr_alla_rader_nya() -%}
    {%- set befintlig = adapter.get_relation(this.database, this.schema, this.identifier) -%}
    {%- if befintlig is not none -%}
        {%- do adapter.drop_relation(befintlig) -%}
    {%- endif -%}
{%- endmacro %}

{#- the last successful run of this model: a dict (lopnr, fingeravtryck) or none -#}
{% macro _inkr_senaste_status() -%}
    {%- set rader = run_query("select lopnr, fingeravtryck from " ~ inkrementell_tabell('status')
        ~ " where modell = '" ~ this.identifier ~ "' and klar order by registrerad desc limit 1").rows -%}
    {{ return({'lopnr': rader[0][0], 'fingeravtryck': rader[0][1]} if rader | length > 0 else none) }}
{%- endmacro %}

{% macro _inkr_registrera(alla, lopnr, fingeravtryck, ar_uttryck=none, ar_lista=none, nyckel=none,
        period_uttryck=none) -%}
    {%- do run_query("delete from " ~ inkrementell_tabell('status') ~ " where modell = '" ~ this.identifier
        ~ "' and not klar") -%}
    {%- do run_query("insert into " ~ inkrementell_tabell('status') ~ " (modell, korning, klar, alla, lopnr, "
        ~ "fingeravtryck, ar_uttryck, nyckel, ar_lista, registrerad, period_uttryck) values ('" ~ this.identifier ~ "', '"
        ~ invocation_id ~ "', false, " ~ alla ~ ", " ~ (lopnr if lopnr is not none else 'null') ~ ", '"
        ~ fingeravtryck ~ "', " ~ ("'" ~ ar_uttryck ~ "'" if ar_uttryck else 'null') ~ ", "
        ~ ("'" ~ nyckel ~ "'" if nyckel else 'null') ~ ", "
        ~ ("'" ~ (ar_lista | join(',')) ~ "'" if ar_lista is not none else 'null') ~ ", current_timestamp, "
        ~ ("'" ~ period_uttryck ~ "'" if period_uttryck else 'null') ~ ")") -%}
{%- endmacro %}

{#- ---------------------------------------------------------------------------------------------------------------
    1. The rows of a big source, incremental PER FILE (models/staging/<system>/base/base_<system>__<entity>_per_fil):
    the rows as read and checked by staging_rader (macros/staging/staging_bas.sql), before the deliveries are resolved.
    In the model:  {{ config(materialized='incremental', incremental_strategy='append',
                             on_schema_change='sync_all_columns', post_hook="{{ inkrementell_efter() }}") }}
                   {{ inkrementell_staging_rader(source('ekonomi', 'huvudbok'), kolumner, ar='coalesce(ar, 0)') }}
    `ar` is the SQL expression (over the model's columns) of the year a row belongs to (0: a row without one, e.g.
    quarantined for its date); it names the years a delivery touches in the change log. `nyckel`: the delivery key,
    when it does not determine the year (an episode corrected into another year): the years of every row sharing a
    key with a changed row are logged too, so that the model resolving the deliveries sees all rows of that key.
    `period`: the SQL expression of the month a row belongs to (YYYYMM, 0 for none), logged for the models
    downstream that are incremental per month. The model resolving the deliveries over it (base_<system>__<entity>)
    is incremental per month or per year (inkrementell_per_ar with staging_leveranser). -#}
{% macro inkrementell_staging_rader(relation, kolumner, ar, period=none, nyckel=none, kopplingar=[], berikning=[]) -%}
    {%- if not kommunanalys._inkr_aktiv() -%}
        {{ return(staging_rader(relation, kolumner, kopplingar=kopplingar, berikning=berikning)) }}
    {%- endif -%}
    {%- set rot = kommunanalys.raw_root() -%}
    {#- the fingerprint: the generated SQL without its list of files, and every node upstream (seeds it joins) -#}
    {#- and the key's effect: the pseudonym of a fixed test value (a new key changes every person_id) -#}
    {%- set nyckelkontroll = run_query("select " ~ kommunanalys.pseudonym("'000000000000'")).columns[0].values()[0] -%}
    {%- set fingeravtryck = local_md5(staging_rader(relation, kolumner, kopplingar=kopplingar, berikning=berikning,
        filer=[]) ~ '\n' ~ (kommunanalys._inkr_uppstroms().checksummor | join('\n')) ~ '\n' ~ nyckelkontroll) -%}
    {%- set filer = run_query("select filename, size, cast(last_modified as " ~ dbt.type_string() ~ ") from read_blob(['"
        ~ (kommunanalys.kalla_monster(relation) | join("', '")) ~ "']) order by filename").rows -%}
    {%- set relativ = {} -%}
    {%- for f in filer -%}
        {%- do relativ.update({f[0]: f[0] | replace(rot ~ '/', '')}) -%}
    {%- endfor -%}
    {%- set status = kommunanalys._inkr_senaste_status() -%}
    {%- set alla = not is_incremental() or status is none or status.fingeravtryck != fingeravtryck -%}
    {%- set ladda = [] -%}
    {%- if alla -%}
        {%- for f in filer -%}
            {%- do ladda.append(f[0]) -%}
        {%- endfor -%}
        {%- if is_incremental() -%}
            {#- the generated SQL changed (staging macros, vars, columns, seeds): every row is replaced -#}
            {%- do run_query("insert into " ~ inkrementell_tabell('logg') ~ _inkr_loggkolumner()
                ~ " select coalesce(max(lopnr), 0) + 1, '" ~ this.identifier ~ "', null, true, '" ~ invocation_id
                ~ "', current_timestamp, null from " ~ inkrementell_tabell('logg')) -%}
            {%- do kommunanalys._inkr_alla_rader_nya() -%}
        {%- endif -%}
        {%- do run_query("delete from " ~ inkrementell_tabell('filer') ~ " where modell = '" ~ this.identifier
            ~ "' and not klar") -%}
    {%- else -%}
        {%- set lasta = {} -%}
        {%- for r in run_query("select kalla_fil, storlek, andrad from " ~ inkrementell_tabell('filer')
                ~ " where modell = '" ~ this.identifier ~ "' and klar").rows -%}
            {%- do lasta.update({r[0]: (r[1] | string) ~ '|' ~ r[2]}) -%}
        {%- endfor -%}
        {%- for f in filer if lasta.get(relativ[f[0]]) != (f[1] | string) ~ '|' ~ f[2] -%}
            {%- do ladda.append(f[0]) -%}
        {%- endfor -%}
        {#- files whose rows are replaced: changed ones, and those in the table that are no longer delivered -#}
        {%- set nuvarande = relativ.values() | list -%}
        {%- set ersatt = [] -%}
        {%- for f in ladda -%}
            {%- do ersatt.append(relativ[f]) -%}
        {%- endfor -%}
        {%- for r in run_query("select distinct kalla_fil from " ~ this).rows if r[0] not in nuvarande -%}
            {%- do ersatt.append(r[0]) -%}
        {%- endfor -%}
        {%- do run_query("delete from " ~ inkrementell_tabell('filer') ~ " where modell = '" ~ this.identifier
            ~ "' and (not klar" ~ (" or kalla_fil in " ~ _inkr_sql_lista(ersatt) if ersatt else '') ~ ")") -%}
        {%- if ersatt -%}
            {%- set urval = "kalla_fil in " ~ _inkr_sql_lista(ersatt) -%}
            {%- do run_query("insert into " ~ inkrementell_tabell('logg') ~ _inkr_loggkolumner()
                ~ " select (select coalesce(max(lopnr), 0) + 1 from " ~ inkrementell_tabell('logg') ~ "), '"
                ~ this.identifier ~ "', ar, false, '" ~ invocation_id ~ "', current_timestamp, period from ("
                ~ _inkr_andrade_ar(ar, nyckel, urval, period) ~ ") as andrade") -%}
            {%- do run_query("delete from " ~ this ~ " where " ~ urval) -%}
        {%- endif -%}
    {%- endif -%}
    {#- the files read now, registered as pending until the post-hook -#}
    {%- for f in filer if f[0] in ladda -%}
        {%- do run_query("insert into " ~ inkrementell_tabell('filer') ~ " values ('" ~ this.identifier ~ "', '"
            ~ (relativ[f[0]] | replace("'", "''")) ~ "', " ~ f[1] ~ ", '" ~ f[2] ~ "', '" ~ invocation_id
            ~ "', false)") -%}
    {%- endfor -%}
    {%- do kommunanalys._inkr_registrera(alla, none, fingeravtryck, ar_uttryck=ar,
        nyckel=(nyckel | join(',') if nyckel else none), period_uttryck=period) -%}
    {%- set lasa = [] -%}
    {%- for f in ladda -%}
        {%- do lasa.append(relativ[f]) -%}
    {%- endfor -%}
    {{ return(staging_rader(relation, kolumner, kopplingar=kopplingar, berikning=berikning, filer=lasa)) }}
{%- endmacro %}

{#- the columns of the change log, in the order the inserts give them -#}
{% macro _inkr_loggkolumner() -%}
    {{ return(' (lopnr, modell, ar, alla, korning, registrerad, period)') }}
{%- endmacro %}

{#- the years (expression ar) and months (expression period, or null) of the rows where urval holds, and, with a key,
    of every row sharing a key with one -#}
{% macro _inkr_andrade_ar(ar, nyckel, urval, period=none) -%}
    {%- set valda = ar ~ " as ar, " ~ ((period ~ " as period") if period else "cast(null as integer) as period") -%}
    {%- if not nyckel -%}
        {{ return("select distinct " ~ valda ~ " from " ~ this ~ " where " ~ urval) }}
    {%- endif -%}
    {%- set lika = [] -%}
    {%- for k in nyckel -%}
        {%- do lika.append('andrad.' ~ k ~ ' is not distinct from rad.' ~ k) -%}
    {%- endfor -%}
    {{ return("select distinct " ~ valda ~ " from " ~ this ~ " as rad where exists (select 1 from " ~ this
        ~ " as andrad where andrad." ~ urval ~ " and " ~ (lika | join(' and ')) ~ ")") }}
{%- endmacro %}

{#- ---------------------------------------------------------------------------------------------------------------
    2. Models incremental per year.
    In the model:  {{ config(materialized='incremental', incremental_strategy='append',
                             on_schema_change='sync_all_columns', post_hook="{{ inkrementell_efter() }}") }}
                   {% call inkrementell_per_ar() %} ...the model's SQL, reading each input with
                       where {{ inkrementell_ar_filter('ar') }} ... {% endcall %}
    The output must have a column ar. Every staging base model upstream must be incremental per file (it writes
    the change log this model reads); the macro refuses to compile otherwise. -#}
{#- `1 = 1 and` first: Spark reads `from t where (true)` as the table alias `where` with a column list (true) -#}
{% macro inkrementell_ar_filter(kolumn='ar') -%}
    {{ return('1 = 1 and (/* inkrementell_ar:' ~ kolumn ~ ' */ true)') }}
{%- endmacro %}

{#- the month of a row of the ledger's or the volumes' staging (YYYYMM as an integer, 0 when its period could not be
    read): what the rows per file log and what the models resolving their deliveries delete and read by -#}
{% macro inkrementell_manad() -%}
    coalesce(ar * 100 + manad, 0)
{%- endmacro %}

{#- the same for a model incremental per month: kolumn is the SQL expression of an input row's month (YYYYMM) -#}
{% macro inkrementell_period_filter(kolumn) -%}
    {{ return('1 = 1 and (/* inkrementell_period:' ~ kolumn ~ ' */ true)') }}
{%- endmacro %}

{#- the nodes upstream of this model: a dict with the sorted checksums and the staging base models -#}
{% macro _inkr_uppstroms() -%}
    {%- set ko = model.depends_on.nodes | list -%}
    {%- set besokta = [] -%}
    {%- set checksummor = [] -%}
    {%- set basmodeller = [] -%}
    {%- set ns = namespace(i=0) -%}
    {%- for _ in range(100000) if ns.i < ko | length -%}
        {%- set uid = ko[ns.i] -%}
        {%- set ns.i = ns.i + 1 -%}
        {%- if uid not in besokta and uid in graph.nodes -%}
            {%- do besokta.append(uid) -%}
            {%- set nod = graph.nodes[uid] -%}
            {%- do checksummor.append(uid ~ '=' ~ nod.checksum.checksum) -%}
            {%- if nod.resource_type == 'model' and 'base' in (nod.tags or []) -%}
                {%- if nod.config.materialized != 'incremental' -%}
                    {{ exceptions.raise_compiler_error("inkrementell_per_ar: " ~ this.identifier ~ " depends on "
                        ~ nod.name ~ ", which is not incremental per file: its changes would not be seen.") }}
                {%- endif -%}
                {%- do basmodeller.append(nod.alias or nod.name) -%}
            {%- endif -%}
            {%- do ko.extend(nod.depends_on.nodes or []) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'checksummor': checksummor | sort, 'basmodeller': basmodeller | sort}) }}
{%- endmacro %}

{#- period_kolumn: the model is incremental PER MONTH instead (the staging models that resolve the deliveries of the
    ledger and the volumes, and the ledger translation): every row depends only on rows of its own month, so a
    delivery recomputes only the months the change log names. period_kolumn is the SQL expression of a row's month
    over the model's output (YYYYMM as an integer, 0 for a row without one), the same as the month the staging
    base upstream logs (inkrementell_staging_rader's `period`); the inputs are read with
    inkrementell_period_filter(<the same expression over the input>). A change logged without a month (a base model
    that logs years only) recomputes the whole model. -#}
{% macro inkrementell_per_ar(ar_kolumn='ar', period_kolumn=none) -%}
    {%- set kropp = caller() -%}
    {%- set per_manad = period_kolumn is not none -%}
    {%- set markorer = modules.re.findall('[(]/[*] inkrementell_(ar|period):(.+?) [*]/ true[)]', kropp) | unique | list -%}
    {%- for m in markorer if (m[0] == 'period') != per_manad -%}
        {{ exceptions.raise_compiler_error("inkrementell_per_ar: " ~ this.identifier ~ " reads its inputs with inkrementell_"
            ~ m[0] ~ "_filter, but is incremental per " ~ ('month' if per_manad else 'year')
            ~ " (period_kolumn " ~ ('given' if per_manad else 'not given') ~ "): use inkrementell_"
            ~ ('period' if per_manad else 'ar') ~ "_filter.") }}
    {%- endfor -%}
    {%- set plan = {'alla': true, 'ar': []} -%}
    {%- if kommunanalys._inkr_aktiv() -%}
        {%- set uppstroms = kommunanalys._inkr_uppstroms() -%}
        {%- set fingeravtryck = local_md5(kropp ~ '\n' ~ (uppstroms.checksummor | join('\n'))) -%}
        {%- set status = kommunanalys._inkr_senaste_status() -%}
        {%- set baser = _inkr_sql_lista(uppstroms.basmodeller) if uppstroms.basmodeller else "('')" -%}
        {%- set lopnr = run_query("select max(lopnr) from " ~ inkrementell_tabell('logg')
            ~ " where modell in " ~ baser).columns[0].values()[0] -%}
        {%- if is_incremental() and status is not none and status.fingeravtryck == fingeravtryck -%}
            {#- per year: the years changed; per month: the months (a change without a month: everything) -#}
            {%- set enhet = 'period' if per_manad else 'ar' -%}
            {%- set andringar = run_query("select distinct " ~ enhet ~ ", alla or " ~ ('period is null' if per_manad
                else 'false') ~ " from " ~ inkrementell_tabell('logg') ~ " where modell in " ~ baser ~ " and lopnr > "
                ~ (status.lopnr or 0) ~ " order by 1").rows -%}
            {%- set ar_lista = [] -%}
            {%- set ns = namespace(alla=false) -%}
            {%- for rad in andringar -%}
                {%- if rad[1] -%}
                    {%- set ns.alla = true -%}
                {%- else -%}
                    {%- do ar_lista.append(rad[0]) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- if not ns.alla -%}
                {%- do plan.update({'alla': false, 'ar': ar_lista}) -%}
            {%- endif -%}
        {%- endif -%}
        {%- if is_incremental() -%}
            {%- if plan.alla -%}
                {%- do kommunanalys._inkr_alla_rader_nya() -%}
            {%- elif plan.ar -%}
                {%- do run_query("delete from " ~ this ~ " where " ~ (period_kolumn if per_manad else ar_kolumn)
                    ~ " in (" ~ (plan.ar | join(', ')) ~ ")") -%}
            {%- endif -%}
        {%- endif -%}
        {#- ar_lista: the years recomputed (per month: the months), none when everything was -#}
        {%- do kommunanalys._inkr_registrera(plan.alla, lopnr, fingeravtryck,
            ar_lista=(none if plan.alla else plan.ar)) -%}
    {%- endif -%}
    {%- if plan.alla -%}
        {%- set villkor = 'true' -%}
    {%- elif plan.ar -%}
        {%- set villkor = 'in (' ~ (plan.ar | join(', ')) ~ ')' -%}
    {%- else -%}
        {%- set villkor = 'false' -%}
    {%- endif -%}
    {%- set ns = namespace(kropp=kropp) -%}
    {%- for m in markorer -%}
        {%- set ersattning = villkor if villkor in ('true', 'false') else m[1] ~ ' ' ~ villkor -%}
        {%- set ns.kropp = ns.kropp | replace('(/* inkrementell_' ~ m[0] ~ ':' ~ m[1] ~ ' */ true)', '(' ~ ersattning ~ ')') -%}
    {%- endfor -%}
    {{ return(ns.kropp) }}
{%- endmacro %}

{#- ---------------------------------------------------------------------------------------------------------------
    The post-hook of both kinds: the pending registration of this run becomes the last successful one; for a base
    model, the years of the rows just read go to the change log. -#}
{% macro inkrementell_efter() -%}
    {%- if not kommunanalys._inkr_aktiv() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set status = inkrementell_tabell('status') -%}
    {%- set filer = inkrementell_tabell('filer') -%}
    {%- set logg = inkrementell_tabell('logg') -%}
    {%- set villkor = "modell = '" ~ this.identifier ~ "' and korning = '" ~ invocation_id ~ "'" -%}
    {%- set rader = run_query("select alla, ar_uttryck, nyckel, period_uttryck from " ~ status ~ " where " ~ villkor
        ~ " and not klar").rows -%}
    {%- if rader | length == 0 -%}
        {{ return('') }}
    {%- endif -%}
    {%- set alla, ar_uttryck, nyckel, period_uttryck = rader[0][0], rader[0][1], rader[0][2], rader[0][3] -%}
    {%- set sql = [] -%}
    {%- if ar_uttryck -%}
        {%- if alla -%}
            {%- do sql.append("insert into " ~ logg ~ _inkr_loggkolumner() ~ " select coalesce(max(lopnr), 0) + 1, '"
                ~ this.identifier ~ "', null, true, '" ~ invocation_id ~ "', current_timestamp, null from " ~ logg) -%}
            {%- do sql.append("delete from " ~ filer ~ " where modell = '" ~ this.identifier ~ "' and klar") -%}
        {%- else -%}
            {%- set urval = "kalla_fil in (select kalla_fil from " ~ filer ~ " where " ~ villkor ~ ")" -%}
            {%- do sql.append("insert into " ~ logg ~ _inkr_loggkolumner() ~ " select (select coalesce(max(lopnr), 0) + 1 from "
                ~ logg ~ "), '" ~ this.identifier ~ "', ar, false, '" ~ invocation_id ~ "', current_timestamp, period from ("
                ~ _inkr_andrade_ar(ar_uttryck, nyckel.split(',') if nyckel else none, urval, period_uttryck) ~ ") as nya") -%}
        {%- endif -%}
        {%- do sql.append("update " ~ filer ~ " set klar = true where " ~ villkor) -%}
    {%- endif -%}
    {%- do sql.append("delete from " ~ status ~ " where modell = '" ~ this.identifier ~ "' and klar") -%}
    {%- do sql.append("update " ~ status ~ " set klar = true where " ~ villkor) -%}
    {{ return(sql | join(';\n')) }}
{%- endmacro %}
