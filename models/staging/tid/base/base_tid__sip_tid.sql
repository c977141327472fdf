{#- Reads: tid/sip_tid*.csv (time spent on SIP coordination; optional).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): huvudman code, datum not after the delivery, minuter > 0; personnummer look-
    alikes.
    Deliveries: no key (two identical time reports are two reports); a later file that delivers a (kommun_kod, month
    of datum) replaces that month of earlier files.
    The compiled SQL: dbt compile -s base_tid__sip_tid (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'huvudman', 'typ': 'kod', 'varden': ['kommun', 'region'], 'kravs': true},
    {'kolumn': 'sip_id', 'typ': 'text'},
    {'kolumn': 'datum', 'typ': 'datum', 'ar': true, 'kravs': true},
    {'kolumn': 'yrkesroll', 'typ': 'text', 'kravs': true},
    {'kolumn': 'minuter', 'typ': 'decimal', 'skala': 2, 'over': 0, 'kravs': true},
] -%}

{{ staging_bas(
    source('tid', 'sip_tid'),
    kolumner,
    valfri=true,
    period_nyckel=['kommun_kod', dbt.date_trunc('month', 'datum')]
) }}
