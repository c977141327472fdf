{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'vardkontakt_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'datum', 'typ': 'datum', 'kravs': true},
    {'kolumn': 'kva_kod', 'typ': 'text', 'kravs': true},
    {'kolumn': 'enhet_id', 'typ': 'text'},
    {'kolumn': 'halsovalsenhet', 'typ': 'text'},
    {'kolumn': 'klinik', 'typ': 'text'},
] -%}

{{ staging_bas(source('region', 'kva'), kolumner) }}
