{#- Reads: region/kva*.csv (KVÅ registrations; person-level).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer; datum real and not after the delivery; personnummer look-alikes
    in every other column.
    Deliveries: a registration (vardkontakt_id, kva_kod) occurs once: the latest file's row is used.
    The compiled SQL: dbt compile -s base_region__kva (target/compiled/kommunanalys/models/staging/...). -#}
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

{{ staging_bas(source('region', 'kva'), kolumner, nyckel=['vardkontakt_id', 'kva_kod']) }}
