{#- Reads: primarvard/kontakter*.csv (the region's primary-care contacts; person-level; optional).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer; dates real and not after the delivery; codes of boendeform,
    yrkeskategori, plats; lakarbehov J/N; personnummer look-alikes in every other column.
    Deliveries: a contact (kontakt_id) occurs once: the latest file's row is used.
    The compiled SQL: dbt compile -s base_primarvard__kontakter. -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kontakt_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'vardcentral', 'typ': 'text'},
    {'kolumn': 'boendeform', 'typ': 'kod', 'varden': ['ordinart', 'sabo'], 'kravs': true},
    {'kolumn': 'kontakt_datum', 'typ': 'datum', 'kravs': true},
    {'kolumn': 'bedomning_datum', 'typ': 'datum'},
    {'kolumn': 'yrkeskategori', 'typ': 'kod', 'varden': ['lakare', 'sjukskoterska', 'annan']},
    {'kolumn': 'plats', 'typ': 'kod', 'varden': ['mottagning', 'hem', 'sabo', 'digital', 'telefon'], 'kravs': true},
    {'kolumn': 'lakarbehov', 'namn': 'is_lakarbehov', 'typ': 'bool', 'kravs': true},
] -%}

{{ staging_bas(source('primarvard', 'kontakter'), kolumner, valfri=true, nyckel=['kontakt_id']) }}
