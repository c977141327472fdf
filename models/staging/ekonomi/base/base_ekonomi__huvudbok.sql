{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_ekonomi__huvudbok_per_fil: the code string and month is the key: a row of a later file replaces the row with the same key in
    every earlier file; a second row with the same key in one file is quarantined as a duplicate. Two files
    delivering the same (kommun_kod, period) are listed in staging.leveransoverlapp (a warning names them).
    Incremental per month (macros/inkrementell.sql): a delivery recomputes the months its files touch (the
    key includes the month, so a row's resolution depends only on rows of its own month).
    The compiled SQL: dbt compile -s base_ekonomi__huvudbok (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    post_hook="{{ inkrementell_efter() }}",
) }}
{%- set manad = inkrementell_manad() %}
{% call inkrementell_per_ar(period_kolumn=manad) -%}
{{ staging_leveranser(
    ref('base_ekonomi__huvudbok_per_fil'),
    nyckel=['kommun_kod', 'period', 'konto', 'ansvar', 'verksamhet', 'aktivitet', 'projekt', 'motpart'],
    urval=inkrementell_period_filter(manad)
) }}
{%- endcall %}
