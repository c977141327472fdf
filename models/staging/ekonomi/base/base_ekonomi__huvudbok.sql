{#- Reads: ekonomi/huvudbok*.csv (the ledger, one row per code string and month; encoding vars.encoding.ekonomi, Latin-1 read as Windows-1252).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): the text columns trimmed and checked for personnummer look-alikes; period a real month YYYYMM not after the delivery; belopp a decimal (comma or point).
    Deliveries: a later file that delivers a (kommun_kod, period) replaces that month of every earlier file; the code string and month is the key (a second row with the same key in one file is quarantined as a duplicate).
    The compiled SQL: dbt compile -s base_ekonomi__huvudbok (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'period', 'typ': 'period', 'kravs': true},
    {'kolumn': 'konto', 'typ': 'text', 'kravs': true},
    {'kolumn': 'ansvar', 'typ': 'text', 'kravs': true},
    {'kolumn': 'verksamhet', 'typ': 'text', 'kravs': true},
    {'kolumn': 'aktivitet', 'typ': 'text'},
    {'kolumn': 'projekt', 'typ': 'text'},
    {'kolumn': 'motpart', 'typ': 'text'},
    {'kolumn': 'belopp', 'typ': 'decimal', 'skala': 2, 'kravs': true},
] -%}

{{ staging_bas(source('ekonomi', 'huvudbok'), kolumner, nyckel=['kommun_kod', 'period', 'konto', 'ansvar', 'verksamhet', 'aktivitet', 'projekt', 'motpart'], period_nyckel=['kommun_kod', 'period']) }}
