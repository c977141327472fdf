{#- The deliveries resolved (macros/staging/leveranser.sql, staging_leveranser) over the rows read and checked in
    base_verksamhet__insatser_per_fil: key person, period, insats code, regi, volymtyp, enhet: a row of a later file replaces the row with
    the same key in earlier files; a second row with the same key in one file is quarantined. Overlapping periods
    are listed in staging.leveransoverlapp.
    Incremental per month (macros/inkrementell.sql): a delivery recomputes the months its files touch (the
    key includes the month, so a row's resolution depends only on rows of its own month).
    The compiled SQL: dbt compile -s base_verksamhet__insatser (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='append',
    on_schema_change='sync_all_columns',
    post_hook="{{ inkrementell_efter() }}",
) }}
{%- set manad = inkrementell_manad() %}
{% call inkrementell_per_ar(period_kolumn=manad) -%}
{{ staging_leveranser(
    ref('base_verksamhet__insatser_per_fil'),
    nyckel=['kommun_kod', 'person_id', 'period', 'lokal_insats_kod', 'regi', 'volymtyp', 'enhet'],
    urval=inkrementell_period_filter(manad)
) }}
{%- endcall %}
