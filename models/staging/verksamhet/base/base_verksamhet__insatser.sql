{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_verksamhet__insatser_per_fil: key person, period, insats code, regi, volymtyp, enhet: a row of a later file replaces the row with
    the same key in earlier files; a second row with the same key in one file is quarantined. Overlapping periods
    are listed in staging.leveransoverlapp.
    Incremental per month (macros/inkrementell.sql): a monthly build recomputes the months the files it read
    touch, old version and new (the key includes the month, so a row's resolution depends only on rows of its own
    month); the pre-hook empties them first.
    The compiled SQL: dbt compile -s base_verksamhet__insatser (target/compiled/kommunanalys/models/staging/...). -#}
{#- a row's month (YYYYMM; 0 when its period could not be read), as leveransfilhistorik records it -#}
{%- set manad = 'coalesce(ar * 100 + manad, 0)' %}
-- depends_on: {{ ref('leveransfilhistorik_insatser') }}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key=manad,
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('period') }}",
) }}
{{ staging_leveranser(
    ref('base_verksamhet__insatser_per_fil'),
    nyckel=['kommun_kod', 'person_id', 'period', 'lokal_insats_kod', 'regi', 'volymtyp', 'enhet'],
    urval=(manad ~ ' in ' ~ inkrementell_andrade('period')) if is_incremental() else none
) }}
