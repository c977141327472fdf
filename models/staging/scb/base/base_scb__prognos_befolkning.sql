{#- Reads: scb/prognos_befolkning*.csv (SCB population forecast per future year, age and sex; optional, issue 22).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): ar 1900-2100, alder 0-100, kon 1/2 -> man/kvinna, antal >= 0.
    Deliveries: a later file that delivers a (kommun_kod, ar) replaces that year of earlier files; a population cell
    (kommun_kod, ar, alder, kon) occurs once (a second row in one file is quarantined).
    The compiled SQL: dbt compile -s base_scb__prognos_befolkning (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'alder', 'typ': 'heltal', 'min': 0, 'max': 100, 'kravs': true},
    {'kolumn': 'kon', 'typ': 'kod', 'mappning': {'1': 'man', '2': 'kvinna'}, 'kravs': true},
    {'kolumn': 'antal', 'typ': 'heltal', 'min': 0, 'kravs': true},
] -%}

{{ staging_bas(
    source('scb', 'prognos_befolkning'),
    kolumner,
    nyckel=['kommun_kod', 'ar', 'alder', 'kon'],
    period_nyckel=['kommun_kod', 'ar']
) }}
