{#- The runner's answers file; the line read is harledd_fil / harledd_rad (relative to the derived root). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'svar_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'fraga', 'typ': 'text', 'kravs': true},
    {'kolumn': 'dimension', 'typ': 'text'},
    {'kolumn': 'svar_raw', 'typ': 'text'},
    {'kolumn': 'svar', 'typ': 'heltal', 'min': 1, 'max': 5},
] -%}

{{ staging_bas(source('enkat', 'sip_delaktighet_svar'), kolumner, valfri=true, rot='derived', prefix='harledd') }}
