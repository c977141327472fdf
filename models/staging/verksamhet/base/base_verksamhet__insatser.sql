{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'period', 'typ': 'period', 'kravs': true},
    {'kolumn': 'lokal_insats_kod', 'typ': 'text', 'kravs': true},
    {'kolumn': 'regi', 'typ': 'kod', 'varden': ['egen', 'extern'], 'kravs': true},
    {'kolumn': 'volymtyp', 'typ': 'kod', 'varden': ['beviljad', 'utford'], 'kravs': true},
    {'kolumn': 'volym', 'typ': 'decimal', 'skala': 4, 'min': 0, 'kravs': true},
    {'kolumn': 'enhet', 'typ': 'text'},
] -%}

{{ staging_bas(source('verksamhet', 'insatser'), kolumner) }}
