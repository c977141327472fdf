{#- The rows of the files as read and checked, incremental per delivered file (macros/inkrementell.sql: a
    monthly build reads only the files that are new or changed since the version each row holds, replacing their
    rows by kalla_fil; the pre-hook deletes the rows of a withdrawn file); the
    deliveries are resolved over them in base_ekonomi__huvudbok.
    Reads: ekonomi/huvudbok*.csv (the ledger, one row per code string and month; encoding vars.encoding.ekonomi,
    Latin-1 read as Windows-1252), and the SIE ledger files ekonomi/*.se, *.si (types 4E/4I and 3): the pre-read
    check converts each into these columns (python/kommunanalys/sie.py: the file's #ORGNR -> seed kommuner.orgnr,
    dimensions -> seed sie_dimensioner, reconciled with the file's #RES / #PSALDO {}); kalla_fil is the SIE file,
    kalla_rad the first SIE line the row sums.
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): the text columns trimmed and checked for personnummer look-alikes; period a
    real month YYYYMM not after the delivery; belopp a decimal (comma or point).
    Deliveries: the code string and month is the key: a row of a later file replaces the row with the same key in
    every earlier file; a second row with the same key in one file is quarantined as a duplicate. Two files
    delivering the same (kommun_kod, period) are listed in staging.leveransoverlapp (a warning names them).
    The compiled SQL: dbt compile -s base_ekonomi__huvudbok (target/compiled/kommunanalys/models/staging/...). -#}
-- depends_on: {{ ref('kommuner') }}
-- depends_on: {{ ref('sie_dimensioner') }}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='kalla_fil',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_ta_bort_indragna_filer('ekonomi.huvudbok') }}",
) }}

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

{{ inkrementell_staging_rader(
    source('ekonomi', 'huvudbok'),
    kolumner,
    kalla='ekonomi.huvudbok',
    filer=inkrementell_nya_filer('ekonomi.huvudbok') if is_incremental() else none
) }}
