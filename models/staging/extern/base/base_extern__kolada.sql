{#- Reads: extern/kolada/*.json (Kolada API v2 responses; optional).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): kon T/K/M, ar 1900-2100, varde a decimal; personnummer look-alikes.
    Deliveries: a value (kpi, kommun_kod, ar, kon) occurs once: the latest file's value is used.
    The compiled SQL: dbt compile -s base_extern__kolada (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kpi', 'typ': 'text', 'kravs': true},
    {'kolumn': 'municipality', 'namn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'period', 'namn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'gender', 'namn': 'kon', 'typ': 'kod', 'mappning': {'t': 'T', 'k': 'K', 'm': 'M'}, 'kravs': true},
    {'kolumn': 'value', 'namn': 'varde', 'typ': 'decimal', 'skala': 4},
    {'kolumn': 'count', 'namn': 'antal', 'typ': 'heltal', 'min': 0},
] -%}

{{ staging_bas(
    source('extern', 'kolada'),
    kolumner,
    lasare='kolada_json',
    valfri=true,
    nyckel=['kpi', 'kommun_kod', 'ar', 'kon']
) }}
