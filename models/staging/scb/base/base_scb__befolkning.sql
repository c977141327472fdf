{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'alder', 'typ': 'heltal', 'min': 0, 'max': 100, 'kravs': true},
    {'kolumn': 'kon', 'typ': 'kod', 'mappning': {'1': 'man', '2': 'kvinna'}, 'kravs': true},
    {'kolumn': 'antal', 'typ': 'heltal', 'min': 0, 'kravs': true},
] -%}

{{ staging_bas(source('scb', 'befolkning'), kolumner) }}
