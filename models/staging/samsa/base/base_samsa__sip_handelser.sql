{#- Reads: samsa/sip*.csv (SIP status events; person-level).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer; handelse, enhet_typ, motesform codes; tid real and not after the
    delivery; personnummer look-alikes in every other column (enhet_id, halsovalsenhet, klinik ...).
    Deliveries: an event is its whole row: an identical row in a later file replaces the earlier one, a second
    identical row in one file is quarantined.
    The compiled SQL: dbt compile -s base_samsa__sip_handelser (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(materialized='table') }}

{%- set kolumner = [
    {'kolumn': 'sip_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'handelse', 'typ': 'kod', 'varden': ['startad', 'upprattad', 'uppfoljd', 'avslutad'], 'kravs': true},
    {'kolumn': 'tid', 'namn': 'handelse_tid', 'typ': 'tidpunkt', 'kravs': true},
    {'kolumn': 'enhet_id', 'typ': 'text'},
    {'kolumn': 'enhet_typ', 'typ': 'kod', 'varden': ['kommun', 'primarvard', 'psykiatri', 'slutenvard', 'ovrig']},
    {'kolumn': 'halsovalsenhet', 'typ': 'text'},
    {'kolumn': 'klinik', 'typ': 'text'},
    {'kolumn': 'motesform', 'typ': 'kod', 'varden': ['fysiskt', 'video', 'telefon']},
] -%}

{{ staging_bas(
    source('samsa', 'sip'),
    kolumner,
    nyckel=[
        'sip_id',
        'person_id',
        'kommun_kod',
        'handelse',
        'handelse_tid',
        'enhet_id',
        'enhet_typ',
        'halsovalsenhet',
        'klinik',
        'motesform',
    ]
) }}
