{#- Reads: avvikelser/avvikelser*.csv (avvikelser i samverkan, one row per deviation; optional). A free-text column
    is never read (only the columns listed here are selected).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): principals 'region'/'kommun', category and severity codes, the date not after
    the delivery; personnummer look-alikes are withheld.
    Deliveries: a deviation (avvikelse_id) occurs once: the latest file's row is used (a corrected file replaces it).
    The compiled SQL: dbt compile -s base_avvikelser__avvikelser. -#}
{{ config(materialized='table') }}

{%- set huvudman = ['region', 'kommun'] -%}
{%- set kolumner = [
    {'kolumn': 'avvikelse_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'avvikelse_datum', 'typ': 'datum', 'ar': true, 'kravs': true},
    {'kolumn': 'rapporterande_huvudman', 'typ': 'kod', 'varden': huvudman, 'kravs': true},
    {'kolumn': 'rapporterande_enhet', 'typ': 'text'},
    {'kolumn': 'mottagande_huvudman', 'typ': 'kod', 'varden': huvudman, 'kravs': true},
    {'kolumn': 'mottagande_enhet', 'typ': 'text'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'kategori', 'typ': 'kod', 'varden': ['informationsoverforing', 'lakemedel', 'samordning',
        'utskrivning', 'hjalpmedel', 'annat'], 'kravs': true},
    {'kolumn': 'styrdokument', 'typ': 'text'},
    {'kolumn': 'allvarlighet', 'typ': 'kod', 'varden': ['mindre', 'mattlig', 'allvarlig', 'katastrofal']},
] -%}

{{ staging_bas(
    source('avvikelser', 'avvikelser'),
    kolumner,
    valfri=true,
    nyckel=['avvikelse_id']
) }}
