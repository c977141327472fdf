{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'vardtillfalle_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'inskrivningsmeddelande_tid', 'typ': 'tidpunkt'},
    {'kolumn': 'utskrivningsklar_tid', 'typ': 'tidpunkt'},
    {'kolumn': 'fast_vardkontakt_tid', 'typ': 'tidpunkt'},
    {'kolumn': 'uppdrag_kommunal_hsl', 'namn': 'is_uppdrag_kommunal_hsl', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'utskrivningsplan', 'namn': 'has_utskrivningsplan', 'typ': 'bool', 'kravs': true},
] -%}

{{ staging_bas(source('samsa', 'utskrivning'), kolumner) }}
