{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'ar', 'typ': 'heltal', 'min': 1900, 'max': 2100, 'kravs': true},
    {'kolumn': 'verksamhet', 'typ': 'text', 'kravs': true},
    {'kolumn': 'aktivitet', 'typ': 'text'},
    {'kolumn': 'belopp', 'typ': 'decimal', 'skala': 2, 'kravs': true},
] -%}

{{ staging_bas(source('ekonomi', 'budget'), kolumner) }}
