{#- Reads: extern/kolada/*.json (Kolada API v2 or v3 responses, as saved; optional).
    Checks: first the pre-read check of the files (python/kommunanalys/kolada.py: JSON, and no page whose next page
    is missing); then (macro staging_bas) kon T/K/M, ar 1900-2100, varde a decimal; personnummer look-alikes; a value
    Kolada marks isdeleted (v3) is quarantined ('isdeleted: ...'), never used. status (v3) is kept.
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
    {'kolumn': 'status', 'typ': 'text'},
    {'kolumn': 'struken', 'typ': 'fel'},
] -%}

{{ staging_bas(
    source('extern', 'kolada'),
    kolumner,
    lasare='kolada_json',
    valfri=true,
    nyckel=['kpi', 'kommun_kod', 'ar', 'kon']
) }}
