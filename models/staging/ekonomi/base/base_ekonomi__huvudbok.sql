{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_ekonomi__huvudbok_per_fil: the code string and month is the key: a row of a later file replaces the row with the same key in
    every earlier file; a second row with the same key in one file is quarantined as a duplicate. Two files
    delivering the same (kommun_kod, period) are listed in staging.leveransoverlapp (a warning names them).
    Incremental per month (macros/inkrementell.sql): a monthly build recomputes the months the files it read
    touch, old version and new (the key includes the month, so a row's resolution depends only on rows of its own
    month); the pre-hook empties them first.
    The compiled SQL: dbt compile -s base_ekonomi__huvudbok (target/compiled/kommunanalys/models/staging/...). -#}
{#- a row's month (YYYYMM; 0 when its period could not be read), as leveransfilhistorik records it -#}
{%- set manad = 'coalesce(ar * 100 + manad, 0)' %}
-- depends_on: {{ ref('leveransfilhistorik_huvudbok') }}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key=manad,
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('period') }}",
) }}
{{ staging_leveranser(
    ref('base_ekonomi__huvudbok_per_fil'),
    nyckel=['kommun_kod', 'period', 'konto', 'ansvar', 'verksamhet', 'aktivitet', 'projekt', 'motpart'],
    urval=(manad ~ ' in ' ~ inkrementell_andrade('period')) if is_incremental() else none
) }}
