{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'period', 'typ': 'period', 'kravs': true},
    {'kolumn': 'konto', 'typ': 'text', 'kravs': true},
    {'kolumn': 'ansvar', 'typ': 'text', 'kravs': true},
    {'kolumn': 'verksamhet', 'typ': 'text', 'kravs': true},
    {'kolumn': 'aktivitet', 'typ': 'text'},
    {'kolumn': 'projekt', 'typ': 'text'},
    {'kolumn': 'motpart', 'typ': 'text'},
    {'kolumn': 'belopp', 'typ': 'decimal', 'skala': 2, 'kravs': true},
] -%}

{{ staging_bas(source('ekonomi', 'huvudbok'), kolumner) }}
