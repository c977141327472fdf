{{ config(materialized='table') }}

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

{{ staging_bas(source('region', 'vardtillfallen'), kolumner) }}
