{#- Reads: samsa/utskrivning*.csv (coordinated discharge planning per episode; person-level).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer; timestamps real and not after the delivery; J/N flags;
    personnummer look-alikes in every other column.
    Deliveries: an episode (vardtillfalle_id) occurs once: the latest file's row is used.
    The compiled SQL: dbt compile -s base_samsa__utskrivning (target/compiled/kommunanalys/models/staging/...). -#}
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

{{ staging_bas(source('samsa', 'utskrivning'), kolumner, nyckel=['vardtillfalle_id']) }}
