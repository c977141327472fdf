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

{{ staging_bas(source('samsa', 'sip'), kolumner) }}
