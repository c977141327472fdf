{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_region__vardtillfallen_per_fil: an episode (vardtillfalle_id) occurs once: the row of the latest file is used (an ongoing episode
    delivered again when discharged), earlier files' rows are replaced; a second row in one file is quarantined.
    Incremental per year (macros/inkrementell.sql): a delivery recomputes the years its files touch.
    The compiled SQL: dbt compile -s base_region__vardtillfallen (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    post_hook="{{ inkrementell_efter() }}",
) }}
{#- an episode belongs to its discharge year, an ongoing one to its admission year -#}
{%- set ar = 'coalesce(cast(extract(year from coalesce(utskrivning_tid, inskrivning_tid)) as integer), 0)' %}
{% call inkrementell_per_ar(ar_kolumn=ar) -%}
{{ staging_leveranser(
    ref('base_region__vardtillfallen_per_fil'),
    nyckel=['vardtillfalle_id'],
    urval=inkrementell_ar_filter(ar)
) }}
{%- endcall %}
