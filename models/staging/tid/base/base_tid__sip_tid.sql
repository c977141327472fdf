{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'huvudman', 'typ': 'kod', 'varden': ['kommun', 'region'], 'kravs': true},
    {'kolumn': 'sip_id', 'typ': 'text'},
    {'kolumn': 'datum', 'typ': 'datum', 'ar': true, 'kravs': true},
    {'kolumn': 'yrkesroll', 'typ': 'text', 'kravs': true},
    {'kolumn': 'minuter', 'typ': 'decimal', 'skala': 2, 'over': 0, 'kravs': true},
] -%}

{{ staging_bas(source('tid', 'sip_tid'), kolumner, valfri=true) }}
