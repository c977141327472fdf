{#- Reads: granskning/sip_granskning*.csv (review of sampled plans, one row per goal; optional).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): SMART flags J/N, mal_status code, ratings 1-5, granskningsdatum not after the
    delivery; personnummer look-alikes.
    Deliveries: a goal of a review (sip_id, granskningsdatum, mal_nr) occurs once: the latest file's row is used.
    The compiled SQL: dbt compile -s base_granskning__sip_granskning
    (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'sip_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'granskningsdatum', 'typ': 'datum', 'ar': true, 'kravs': true},
    {'kolumn': 'mal_nr', 'typ': 'heltal', 'min': 1, 'kravs': true},
    {'kolumn': 'specifikt', 'namn': 'is_specifikt', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'matbart', 'namn': 'is_matbart', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'accepterat', 'namn': 'is_accepterat', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'realistiskt', 'namn': 'is_realistiskt', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'tidsatt', 'namn': 'is_tidsatt', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'mal_status', 'typ': 'kod', 'varden': ['uppnatt', 'delvis', 'ej_uppnatt', 'ej_bedomt'], 'kravs': true},
    {'kolumn': 'ansvar_tydligt', 'typ': 'heltal', 'min': 1, 'max': 5},
    {'kolumn': 'samarbete', 'typ': 'heltal', 'min': 1, 'max': 5},
    {'kolumn': 'resurser', 'typ': 'heltal', 'min': 1, 'max': 5},
] -%}

{{ staging_bas(
    source('granskning', 'sip_granskning'),
    kolumner,
    valfri=true,
    nyckel=['sip_id', 'granskningsdatum', 'mal_nr']
) }}
