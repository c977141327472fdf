{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_region__vardtillfallen_per_fil: an episode (vardtillfalle_id) occurs once: the row of the latest file is used (an ongoing episode
    delivered again when discharged), earlier files' rows are replaced; a second row in one file is quarantined.
    Incremental per year (macros/inkrementell.sql): a monthly build recomputes the years the files it read touch,
    and the years of every episode sharing its id with a row of those files (an episode corrected into another
    year); the pre-hook empties them first. The deliveries of those years are resolved over every row of their
    episodes, whatever year the other rows belong to.
    The compiled SQL: dbt compile -s base_region__vardtillfallen (target/compiled/kommunanalys/models/staging/...). -#}
{#- an episode belongs to its discharge year, an ongoing one to its admission year -#}
{%- set ar = 'coalesce(cast(extract(year from coalesce(utskrivning_tid, inskrivning_tid)) as integer), 0)' %}
-- depends_on: {{ ref('leveransfilhistorik_vardtillfallen') }}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key=ar,
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('ar', nyckel='vardtillfalle_id', uttryck=config.get('unique_key')) }}",
) }}
{#- a monthly build: the years to recompute, and as input every row of an episode that has a row in one of them
    (the rows of its other years decide whether a row is replaced), of which only those years' rows are written -#}
{%- set ar_lista = inkrementell_andrade('ar', nyckel='vardtillfalle_id', uttryck=ar) if is_incremental() else none %}
select * from (
    {{ staging_leveranser(
        ref('base_region__vardtillfallen_per_fil'),
        nyckel=['vardtillfalle_id'],
        urval=('(' ~ ar ~ ' in ' ~ ar_lista ~ ' or vardtillfalle_id in (select vardtillfalle_id from '
            ~ ref('base_region__vardtillfallen_per_fil') ~ ' where ' ~ ar ~ ' in ' ~ ar_lista ~ '))')
            if is_incremental() else none
    ) | indent(4) }}
) as levererade
{% if is_incremental() %}where {{ ar }} in {{ ar_lista }}{% endif %}
