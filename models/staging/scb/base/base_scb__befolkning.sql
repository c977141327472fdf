{#- Reads: scb/befolkning*.csv (population on 31 December per age and sex).
    Checks (macros staging_bas and befolkning_kolumner; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): ar 1900-2100, alder 0-100, kon 1/2 -> man/kvinna, antal >= 0.
    Deliveries: a later file that delivers a (kommun_kod, ar) replaces that year of earlier files; a population cell
    (kommun_kod, ar, alder, kon) occurs once (a second row in one file is quarantined).
    The compiled SQL: dbt compile -s base_scb__befolkning (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{{ staging_bas(
    source('scb', 'befolkning'),
    befolkning_kolumner(),
    nyckel=['kommun_kod', 'ar', 'alder', 'kon'],
    period_nyckel=['kommun_kod', 'ar']
) }}
