{#- The rows of the files as read and checked, incremental per delivered file (macros/inkrementell.sql: a
    monthly build reads only the files that are new or changed since the version each row holds, replacing their
    rows by kalla_fil; the pre-hook deletes the rows of a withdrawn file); the
    deliveries are resolved over them in base_region__vardtillfallen.
    Reads: region/vardtillfallen*.csv (inpatient episodes; person-level).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer (as in every person-level file); vardform, akut J/N; timestamps
    real and not after the delivery, utskrivning not before inskrivning; ICD-10 codes; personnummer look-alikes in
    every other column (sjukhus, klinik ...).
    Deliveries: an episode (vardtillfalle_id) occurs once: the row of the latest file is used (an ongoing episode
    delivered again when discharged), earlier files' rows are replaced; a second row in one file is quarantined.
    The compiled SQL: dbt compile -s base_region__vardtillfallen (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='kalla_fil',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_ta_bort_indragna_filer('region.vardtillfallen') }}",
) }}

{%- set kolumner = [
    {'kolumn': 'vardtillfalle_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'sjukhus', 'typ': 'text'},
    {'kolumn': 'klinik', 'typ': 'text'},
    {'kolumn': 'vardform', 'typ': 'kod', 'varden': ['somatik', 'psykiatri'], 'kravs': true},
    {'kolumn': 'akut', 'namn': 'is_akut', 'typ': 'bool', 'kravs': true},
    {'kolumn': 'inskrivning_tid', 'typ': 'tidpunkt', 'kravs': true},
    {'kolumn': 'utskrivning_tid', 'typ': 'tidpunkt', 'inte_fore': 'inskrivning_tid'},
    {'kolumn': 'huvuddiagnos', 'typ': 'diagnos'},
    {'kolumn': 'yttre_orsak', 'typ': 'diagnos'},
] -%}

{{ inkrementell_staging_rader(
    source('region', 'vardtillfallen'),
    kolumner,
    kalla='region.vardtillfallen',
    filer=inkrementell_nya_filer('region.vardtillfallen') if is_incremental() else none
) }}
