{#- Reads: <derived root>/enkat/sip_delaktighet_blad.csv, the runner's scored survey sheets
    (python/kommunanalys/enkat.py).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): respondent code, datum not after the delivery, counts; a sheet the runner
    could not score carries its reason in the column fel and is quarantined with it.
    Deliveries: svar_id is unique (the runner quarantines a repeated svar_id).
    The compiled SQL: dbt compile -s base_enkat__sip_delaktighet (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'fel', 'typ': 'fel'},
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
