{#- Kolada data points: one row per KPI, municipality, year and gender; kalla_rad is the running number of the value
    in its JSON file. -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kpi', 'typ': 'text', 'kravs': true},
    {'kolumn': 'municipality', 'namn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'period', 'namn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'gender', 'namn': 'kon', 'typ': 'kod', 'mappning': {'t': 'T', 'k': 'K', 'm': 'M'}, 'kravs': true},
    {'kolumn': 'value', 'namn': 'varde', 'typ': 'decimal', 'skala': 4},
    {'kolumn': 'count', 'namn': 'antal', 'typ': 'heltal', 'min': 0},
] -%}

{{ staging_bas(source('extern', 'kolada'), kolumner, lasare='kolada_json', valfri=true) }}
