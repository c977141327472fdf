{#- Reads: ekonomi/budget*.csv (yearly budget; encoding vars.encoding.ekonomi).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): ar 1900-2100; belopp a decimal; personnummer look-alikes in every column.
    Deliveries: a later file that delivers a (kommun_kod, ar) replaces that year of earlier files; key kommun_kod,
    ar, verksamhet, aktivitet.
    The compiled SQL: dbt compile -s base_ekonomi__budget (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'verksamhet', 'typ': 'text', 'kravs': true},
    {'kolumn': 'aktivitet', 'typ': 'text'},
    {'kolumn': 'belopp', 'typ': 'decimal', 'skala': 2, 'kravs': true},
] -%}

{{ staging_bas(
    source('ekonomi', 'budget'),
    kolumner,
    nyckel=['kommun_kod', 'ar', 'verksamhet', 'aktivitet'],
    period_nyckel=['kommun_kod', 'ar']
) }}
