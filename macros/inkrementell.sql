{#- Incremental builds in dbt's own vocabulary (issue 20; README, "Monthly deliveries").

    The state: two models in models/leveranskontroll/ that a user can query.
      leveransfiler        every delivered file of every source as it lies now: name, size, modification time.
      leveransfilhistorik  every version of a file that a model incremental per file has read: its years and months,
                           the build that read it (korning = dbt's invocation_id) and when (inlast); a withdrawn file
                           gets a row without a version.

    Three kinds of incremental model, each with a dbt strategy (delete+insert) and an is_incremental() predicate in its
    own SQL that says what it recomputes:
    1. Per FILE: the staging base models of the big facts (base_<system>__<entity>_per_fil). unique_key kalla_fil;
       a monthly build reads only the files that are new or whose size or time differ from the version the table
       holds (inkrementell_nya_filer), and the pre-hook deletes the rows of files no longer delivered
       (inkrementell_ta_bort_indragna_filer).
    2. Per MONTH: the models resolving the deliveries of the ledger and the volumes and the ledger translation (a row
       depends only on rows of its own month). unique_key: the month; the predicate reads the months the files read
       in this build touch, old version and new (inkrementell_andrade('period')).
    3. Per YEAR: the per-person KPB models (a unit cost is the year's ledger over the year's volume), and the episodes
       (inkrementell_andrade('ar'); with `nyckel`, the years of every row sharing a key with a changed row).
    The pre-hook inkrementell_rensa of kinds 2 and 3 empties the months or years to be recomputed first, so that a
    month no file delivers any more does not stay behind (delete+insert deletes only what the new rows name).

    What changed is what the file state recorded in THIS build (korning = invocation_id): build the state and what
    it feeds in one invocation (a plain `dbt build`, or `kommunanalys build`, which selects with dbt's selectors).
    A model that must be rebuilt after an upgrade (its SQL, columns or seeds changed) is rebuilt with
    `dbt build --select <model>+ --full-refresh`; the runner does so itself for `state:modified+`.
    Compiling changes nothing: the lists are read with select queries while a model renders; deleting happens in
    the strategy and the pre-hook, which only `dbt run` / `dbt build` execute.
    On engines other than DuckDB these models are plain tables (inkrementell_materialisering), built in full. -#}

{#- the materialization of an incremental model: incremental on DuckDB, a table elsewhere (built whole every time) -#}
{% macro inkrementell_materialisering() -%}
    {{ return('incremental' if target.type == 'duckdb' else 'table') }}
{%- endmacro %}

{#- a SQL list of literals: (1, 2) / ('a', 'b'); (null) when empty, which matches nothing -#}
{% macro _inkr_sql_lista(varden) -%}
    {%- set delar = [] -%}
    {%- for v in varden -%}
        {%- do delar.append(v if v is number else "'" ~ (v | string | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {{ return('(' ~ ((delar | join(', ')) if delar else 'null') ~ ')') }}
{%- endmacro %}

{#- 1. Per file. The files of `kalla` (system.table, as in leveransfiler) that are new or changed since the version
    this model holds (names relative to the root): the model reads and checks only these. -#}
{% macro inkrementell_nya_filer(kalla) -%}
    {%- set filer = ref('leveransfiler') -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set rader = run_query("select nu.kalla_fil from " ~ filer ~ " as nu where nu.kalla = '" ~ kalla ~ "' and ("
        ~ "nu.kalla_fil, nu.fil_version) not in (select distinct kalla_fil, kalla_fil_version from " ~ this
        ~ " where kalla_fil_version is not null) order by 1").rows -%}
    {{ return(rader | map(attribute=0) | list) }}
{%- endmacro %}

{#- pre-hook of a model incremental per file: the rows of the files of `kalla` that are no longer delivered -#}
{% macro inkrementell_ta_bort_indragna_filer(kalla) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where kalla_fil not in (
            select kalla_fil from {{ ref('leveransfiler') }} where kalla = '{{ kalla }}'
        )
    {%- endif -%}
{%- endmacro %}

{#- The rows of a big source as read and checked (staging_rader), each with the version of its file
    (leveransfiler.fil_version: size and modification time), reading and checking only `filer` (a list of names
    relative to the root) when given. -#}
{% macro inkrementell_staging_rader(relation, kolumner, kalla, filer=none, kopplingar=[], berikning=[]) -%}
select
    rader.*,
    leveransfiler.fil_version as kalla_fil_version
from (
{{ staging_rader(relation, kolumner, kopplingar=kopplingar, berikning=berikning, filer=filer) }}
) as rader
left join {{ ref('leveransfiler') }} as leveransfiler
    on leveransfiler.kalla = '{{ kalla }}' and rader.kalla_fil = leveransfiler.kalla_fil
{%- endmacro %}

{#- the nodes upstream of this model (by the graph) whose name starts with `prefix` -#}
{% macro _inkr_uppstroms(prefix) -%}
    {%- set ko = model.depends_on.nodes | list -%}
    {%- set besokta = [] -%}
    {%- set ns = namespace(i=0) -%}
    {%- for _ in range(100000) if ns.i < ko | length -%}
        {%- set uid = ko[ns.i] -%}
        {%- set ns.i = ns.i + 1 -%}
        {%- if uid not in besokta and uid in graph.nodes -%}
            {%- do besokta.append(uid) -%}
            {%- do ko.extend(graph.nodes[uid].depends_on.nodes or []) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set noder = [] -%}
    {%- for uid in besokta | sort if graph.nodes[uid].name.startswith(prefix) -%}
        {%- do noder.append(graph.nodes[uid]) -%}
    {%- endfor -%}
    {{ return(noder) }}
{%- endmacro %}

{#- 2 and 3. The months (enhet 'period', YYYYMM; 0 for a row without one) or years (enhet 'ar'; 0 likewise) that
    the files read in this build touch, in the per-file models upstream: the new version's and the version read
    before it (a withdrawn file: the old one's). With `nyckel` (a key column of this model and of the per-file model
    upstream, whose deliveries are resolved by that key) and `uttryck` (the year of a row over those columns): also
    the years of every row, in this table or upstream, that shares a key with a row of a changed file. -#}
{% macro inkrementell_andrade(enhet, nyckel=none, uttryck=none) -%}
    {%- if not execute -%}
        {{ return('(null)') }}
    {%- endif -%}
    {#- the file histories upstream: a model per month refs its own (depends_on), one per year reaches them through
        the models it reads, which are built after them; read by relation, as the model does not ref them itself -#}
    {%- set delar = [] -%}
    {%- for nod in _inkr_uppstroms('leveransfilhistorik_') -%}
        {%- do delar.append('select * from ' ~ api.Relation.create(database=nod.database, schema=nod.schema,
            identifier=nod.alias or nod.name)) -%}
    {%- endfor -%}
    {%- if not delar -%}
        {{ exceptions.raise_compiler_error("inkrementell_andrade: " ~ this.identifier ~ " has no file history "
            ~ "(leveransfilhistorik_*) upstream: it could not tell what changed.") }}
    {%- endif -%}
    {#- with a key: the per-file model this model reads (a direct ref) -#}
    {%- set ns = namespace(per_fil=none) -%}
    {%- for uid in model.depends_on.nodes if nyckel and uid.endswith('_per_fil') -%}
        {%- set ns.per_fil = ref(uid.split('.')[-1]) -%}
    {%- endfor -%}
    {%- set per_fil = ns.per_fil -%}
    {%- set sql -%}
        with historik as (
            {{ delar | join('\n            union all\n            ') }}
        ),
        andrade as (
            select distinct modell, kalla_fil from historik where korning = '{{ invocation_id }}'
        ),
        forra as (
            select historik.modell, historik.kalla_fil, max(historik.inlast) as inlast
            from historik
            inner join andrade on historik.modell = andrade.modell and historik.kalla_fil = andrade.kalla_fil
            where historik.korning <> '{{ invocation_id }}'
            group by historik.modell, historik.kalla_fil
        )
        select distinct historik.{{ enhet }} from historik
        left join forra
            on historik.modell = forra.modell and historik.kalla_fil = forra.kalla_fil
            and historik.inlast = forra.inlast
        where historik.{{ enhet }} is not null
            and (historik.korning = '{{ invocation_id }}' or forra.kalla_fil is not null)
        {%- if nyckel %}
        union
        select distinct {{ uttryck }} from (
            select * from {{ this }} union all by name select * from {{ per_fil }}
        ) as rader
        where {{ nyckel }} in (
            select {{ nyckel }} from {{ this }} where kalla_fil in (select kalla_fil from andrade)
            union
            select {{ nyckel }} from {{ per_fil }} where kalla_fil in (select kalla_fil from andrade)
        )
        {%- endif %}
        order by 1
    {%- endset -%}
    {{ return(_inkr_sql_lista(run_query(sql).rows | map(attribute=0) | list)) }}
{%- endmacro %}

{#- pre-hook of a model incremental per month or year: the months or years it recomputes (the same arguments as
    inkrementell_andrade), emptied first; the column is the model's unique_key -#}
{% macro inkrementell_rensa(enhet, nyckel=none, uttryck=none) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ config.get('unique_key') }} in {{ inkrementell_andrade(enhet, nyckel, uttryck) }}
    {%- endif -%}
{%- endmacro %}

{#- The files of every source read from files (a meta.external_location with a file pattern; for the ledger also
    the SIE files, for the population the json-stat2 files: kalla_monster), as they lie now: one row per file with
    its name relative to the root it is read from, its size and modification time (DuckDB's read_blob, which reads
    neither file). The compiled SQL names each source's patterns under the root variables (rot_relativ), so it does
    not depend on which files there are. On other engines: no rows (the incremental models are tables there). -#}
{% macro leveransfiler_sql() -%}
    {{ return(adapter.dispatch('leveransfiler_sql', 'kommunanalys')()) }}
{%- endmacro %}

{% macro default__leveransfiler_sql() -%}
    select * from (
        select
            cast(null as {{ dbt.type_string() }}) as kalla,
            cast(null as {{ dbt.type_string() }}) as kalla_fil,
            cast(null as bigint) as storlek,
            cast(null as {{ dbt.type_string() }}) as andrad,
            cast(null as {{ dbt.type_string() }}) as fil_version
    ) as inga_filer
    where 1 = 0
{%- endmacro %}

{% macro duckdb__leveransfiler_sql() -%}
    {%- set delar = [] -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() | sort(attribute='unique_id')
                if node.meta.external_location is defined and "'" in node.meta.external_location -%}
            {%- set relation = api.Relation.create(database=node.database, schema=node.schema,
                identifier=node.identifier) -%}
            {%- set rot = kommunanalys.derived_root() if kommunanalys.derived_root() ~ '/' in
                node.meta.external_location else kommunanalys.raw_root() -%}
            {%- for monster in kommunanalys.kalla_monster(relation) -%}
                {%- do delar.append("select '" ~ node.source_name ~ "." ~ node.name ~ "' as kalla, replace(filename, '"
                    ~ rot ~ "/', '') as kalla_fil, size as storlek, cast(last_modified as " ~ dbt.type_string()
                    ~ ") as andrad from read_blob('" ~ monster ~ "')") -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if not delar -%}
        {{ return(default__leveransfiler_sql()) }}
    {%- endif %}
    select distinct
        kalla,
        kalla_fil,
        storlek,
        andrad,
        cast(storlek as {{ dbt.type_string() }}) || '|' || andrad as fil_version
    from (
        {{ kommunanalys.rot_relativ(delar | join('\n        union all\n        ')) }}
    ) as filer
{%- endmacro %}

{#- The model leveransfilhistorik_<entity> of a model incremental per file (`modell`): every version of a file it
    has read, one row per year and month its rows belong to (`ar`, `period`: SQL over its columns; 0 for a row
    without one), with the build that read it (korning, dbt's invocation_id) and when (inlast). Incremental, append:
    a build adds the versions that differ from the last one recorded, and a row without a version for each file
    withdrawn. -#}
{% macro leveransfilhistorik(modell, ar, period) -%}
with

nu as (
    select distinct
        '{{ modell }}' as modell,
        kalla_fil,
        kalla_fil_version,
        {{ ar }} as ar,
        {{ period }} as period
    from {{ ref(modell) }}
),

{% if is_incremental() -%}
-- the version of each file recorded last (none: withdrawn)
senaste as (
    select distinct
        historik.modell,
        historik.kalla_fil,
        historik.kalla_fil_version
    from {{ this }} as historik
    inner join (
        select
            modell,
            kalla_fil,
            max(inlast) as inlast
        from {{ this }}
        group by modell, kalla_fil
    ) as sist
        on historik.modell = sist.modell and historik.kalla_fil = sist.kalla_fil and historik.inlast = sist.inlast
),

nya as (
    select nu.*
    from nu
    left join senaste
        on nu.modell = senaste.modell and nu.kalla_fil = senaste.kalla_fil
    where senaste.kalla_fil_version is null or senaste.kalla_fil_version <> nu.kalla_fil_version
    union all
    select
        senaste.modell,
        senaste.kalla_fil,
        cast(null as {{ dbt.type_string() }}) as kalla_fil_version,
        cast(null as integer) as ar,
        cast(null as integer) as period
    from senaste
    where
        senaste.kalla_fil_version is not null
        and not exists (select 1 from nu where nu.modell = senaste.modell and nu.kalla_fil = senaste.kalla_fil)
),
{%- else -%}
nya as (
    select * from nu
),
{%- endif %}

final as (
    select
        modell,
        kalla_fil,
        kalla_fil_version,
        ar,
        period,
        cast(substr('{{ run_started_at }}', 1, 26) as {{ dbt.type_timestamp() }}) as inlast,
        '{{ invocation_id }}' as korning
    from nya
)

select * from final
{%- endmacro %}
