{#- Reads: <derived root>/enkat/sip_delaktighet_svar.csv, the runner's answers (one row per sheet and question).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): svar 1-5 or empty; personnummer look-alikes.
    Deliveries: (svar_id, fraga) is unique by construction.
    The compiled SQL: dbt compile -s base_enkat__sip_delaktighet_svar
    (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'svar_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'fraga', 'typ': 'text', 'kravs': true},
    {'kolumn': 'dimension', 'typ': 'text'},
    {'kolumn': 'svar_raw', 'typ': 'text'},
    {'kolumn': 'svar', 'typ': 'heltal', 'min': 1, 'max': 5},
] -%}

{{ staging_bas(source('enkat', 'sip_delaktighet_svar'), kolumner, valfri=true, rot='derived', prefix='harledd') }}
