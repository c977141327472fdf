{#- Reads: nationell_enkat/andelar*.csv (shares from national surveys per county or municipality; aggregate;
    optional).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): survey code, year, county code 01-25, kommun_kod four digits when given,
    andel 0-100, antal_svar >= 0.
    Deliveries: a share (undersokning, fraga_id, ar, lan_kod, kommun_kod) occurs once: the latest file's row is used.
    The compiled SQL: dbt compile -s base_nationell_enkat__andelar. -#}
{{ config(materialized='table') }}

{%- set lan = [] -%}
{%- for nr in range(1, 26) -%}{%- do lan.append('%02d' % nr) -%}{%- endfor -%}
{%- set kolumner = [
    {'kolumn': 'undersokning', 'typ': 'kod', 'varden': ['npe', 'vardbarometern', 'commonwealth', 'annan'],
        'kravs': true},
    {'kolumn': 'fraga_id', 'typ': 'text', 'kravs': true},
    {'kolumn': 'ar', 'typ': 'heltal', 'min': 2000, 'max': 2100, 'kravs': true},
    {'kolumn': 'lan_kod', 'typ': 'kod', 'varden': lan, 'kravs': true},
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod'},
    {'kolumn': 'andel', 'typ': 'decimal', 'min': 0, 'max': 100, 'kravs': true},
    {'kolumn': 'antal_svar', 'typ': 'heltal', 'min': 0, 'kravs': true},
] -%}

{{ staging_bas(
    source('nationell_enkat', 'andelar'),
    kolumner,
    valfri=true,
    nyckel=['undersokning', 'fraga_id', 'ar', 'lan_kod', 'kommun_kod']
) }}
