{#- The runner's scored file: its own kalla_fil / kalla_rad point to the raw survey file and line; the line read
    here is harledd_fil / harledd_rad (relative to the derived root). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'svar_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'sip_id', 'typ': 'text'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'datum', 'typ': 'datum', 'ar': true, 'kravs': true},
    {'kolumn': 'respondent', 'typ': 'kod', 'varden': ['individ', 'narstaende', 'foretradare'], 'kravs': true},
    {'kolumn': 'kalla_fil', 'typ': 'text', 'kravs': true},
    {'kolumn': 'kalla_rad', 'typ': 'heltal', 'min': 2, 'kravs': true},
    {'kolumn': 'antal_fragor', 'typ': 'heltal', 'min': 1, 'kravs': true},
    {'kolumn': 'antal_besvarade', 'typ': 'heltal', 'min': 0, 'max': 'antal_fragor', 'kravs': true},
    {'kolumn': 'delaktighetsindex', 'typ': 'decimal', 'skala': 4, 'min': 0},
] -%}

{{ staging_bas(source('enkat', 'sip_delaktighet_blad'), kolumner, valfri=true, rot='derived', prefix='harledd') }}
