{#- The rows of the files as read and checked, incremental per delivered file (macros/inkrementell.sql: a
    monthly build reads only the files that are new or changed since the version each row holds, replacing their
    rows by kalla_fil; the pre-hook deletes the rows of a withdrawn file); the
    deliveries are resolved over them in base_verksamhet__insatser.
    Reads: verksamhet/insatser*.csv (volume per person, local insats code and month; person-level).
    Checks (macro staging_bas; every file first through the pre-read check of encoding and structure,
    python/kommunanalys/leverans.py): personnummer: twelve digits, real date (day - 60 for samordningsnummer), Luhn
    -> person_id, kon, fodelsedatum; regi and volymtyp codes; volym a decimal >= 0 and at most the seed
    stg_rimlighetsgranser's limit per day of the month for the insats's unit (dygn, timmar ...); period not after
    the delivery; personnummer look-alikes in every other column.
    Deliveries: key person, period, insats code, regi, volymtyp, enhet: a row of a later file replaces the row with
    the same key in earlier files; a second row with the same key in one file is quarantined. Overlapping periods
    are listed in staging.leveransoverlapp.
    The compiled SQL: dbt compile -s base_verksamhet__insatser (target/compiled/kommunanalys/models/staging/...). -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='kalla_fil',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_ta_bort_indragna_filer('verksamhet.insatser') }}",
) }}

{%- set dagar = dbt.datediff(kommunanalys.parse_period('period__text'),
    dbt.dateadd('month', 1, kommunanalys.parse_period('period__text')), 'day') -%}
{#- the plausibility limit of the row's insats: the municipality's own code first, else the code of every
    municipality ('*'); no limit when the code or its unit is unknown (the KPB tests name unknown codes) -#}
{%- set grans_sql -%}
    select
        lokal.kommun_kod,
        lokal.lokal_insats_kod,
        standard.mattenhet,
        coalesce(egen.max_per_dag, alla.max_per_dag) as max_per_dag
    from {{ ref('kpb_lokala_insatskoder') }} as lokal
    inner join {{ ref('kpb_standardinsatser') }} as standard on lokal.insats_kod = standard.insats_kod
    left join {{ ref('stg_rimlighetsgranser') }} as egen
        on standard.mattenhet = egen.mattenhet and standard.insats_kod = egen.insats_kod
    left join {{ ref('stg_rimlighetsgranser') }} as alla
        on standard.mattenhet = alla.mattenhet and alla.insats_kod = '*'

{%- endset -%}
{%- set kopplingar = [
    'left join (' ~ grans_sql ~ ') as gr_kommun on trimmad.kommun_kod__text = gr_kommun.kommun_kod '
        ~ 'and trimmad.lokal_insats_kod__text = gr_kommun.lokal_insats_kod',
    "left join (" ~ grans_sql ~ ") as gr_alla on gr_alla.kommun_kod = '*' "
        ~ 'and trimmad.lokal_insats_kod__text = gr_alla.lokal_insats_kod',
] -%}
{%- set berikning = [
    'coalesce(gr_kommun.mattenhet, gr_alla.mattenhet) as volym__mattenhet',
    'coalesce(gr_kommun.max_per_dag, gr_alla.max_per_dag) * case coalesce(gr_kommun.mattenhet, gr_alla.mattenhet) '
        ~ "when 'manad' then 1 else " ~ dagar ~ ' end as volym__grans',
] -%}

{%- set kolumner = [
    {'kolumn': 'kommun_kod', 'typ': 'kommun_kod', 'kravs': true},
    {'kolumn': 'personnummer', 'typ': 'personnummer'},
    {'kolumn': 'period', 'typ': 'period', 'kravs': true},
    {'kolumn': 'lokal_insats_kod', 'typ': 'text', 'kravs': true},
    {'kolumn': 'regi', 'typ': 'kod', 'varden': ['egen', 'extern'], 'kravs': true},
    {'kolumn': 'volymtyp', 'typ': 'kod', 'varden': ['beviljad', 'utford'], 'kravs': true},
    {'kolumn': 'volym', 'typ': 'decimal', 'skala': 4, 'min': 0, 'kravs': true,
        'max_sql': 'volym__grans', 'max_enhet': 'volym__mattenhet',
        'max_text': 'per person, insats och månad (stg_rimlighetsgranser)'},
    {'kolumn': 'enhet', 'typ': 'text'},
] -%}

{{ inkrementell_staging_rader(
    source('verksamhet', 'insatser'),
    kolumner,
    kalla='verksamhet.insatser',
    filer=inkrementell_nya_filer('verksamhet.insatser') if is_incremental() else none,
    kopplingar=kopplingar,
    berikning=berikning
) }}
