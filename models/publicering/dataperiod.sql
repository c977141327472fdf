{#- The period each source system's delivered data covers (first and last day), with its row count: the data
    period in the site's header, in the export's front sheet and in the export manifest. -#}
with huvudbok as (
    select
        min(period) as period_fran,
        max(period) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_ekonomi__huvudbok') }}
),

insatser as (
    select
        min(period) as period_fran,
        max(period) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_verksamhet__insatser') }}
),

manadskallor as (
    select
        'ekonomi' as kalla_system,
        'huvudbok' as kalla_tabell,
        period_fran,
        period_till,
        antal_rader
    from huvudbok
    union all
    select
        'verksamhet' as kalla_system,
        'insatser' as kalla_tabell,
        period_fran,
        period_till,
        antal_rader
    from insatser
),

manader as (
    select
        kalla_system,
        kalla_tabell,
        case
            when period_fran is not null
                then cast(concat(substr(period_fran, 1, 4), '-', substr(period_fran, 5, 2), '-01') as date)
        end as period_fran,
        case
            when period_till is not null
                then cast(concat(substr(period_till, 1, 4), '-', substr(period_till, 5, 2), '-01') as date)
        end as manad_till,
        antal_rader
    from manadskallor
),

datumkallor as (
    select
        'region' as kalla_system,
        'vardtillfallen' as kalla_tabell,
        cast(min(inskrivning_tid) as date) as period_fran,
        cast(max(coalesce(utskrivning_tid, inskrivning_tid)) as date) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_region__vardtillfallen') }}
    union all
    select
        'region' as kalla_system,
        'kva' as kalla_tabell,
        min(datum) as period_fran,
        max(datum) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_region__kva') }}
    union all
    select
        'samsa' as kalla_system,
        'utskrivning' as kalla_tabell,
        cast(min(utskrivningsklar_tid) as date) as period_fran,
        cast(max(utskrivningsklar_tid) as date) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_samsa__utskrivning') }}
    union all
    select
        'samsa' as kalla_system,
        'sip' as kalla_tabell,
        cast(min(handelse_tid) as date) as period_fran,
        cast(max(handelse_tid) as date) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_samsa__sip_handelser') }}
    union all
    select
        'enkat' as kalla_system,
        'sip_delaktighet' as kalla_tabell,
        min(datum) as period_fran,
        max(datum) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_enkat__sip_delaktighet') }}
    union all
    select
        'granskning' as kalla_system,
        'sip_granskning' as kalla_tabell,
        min(granskningsdatum) as period_fran,
        max(granskningsdatum) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_granskning__sip_granskning') }}
    union all
    select
        'tid' as kalla_system,
        'sip_tid' as kalla_tabell,
        min(datum) as period_fran,
        max(datum) as period_till,
        count(*) as antal_rader
    from {{ ref('stg_tid__sip_tid') }}
),

arskallor as (
    select
        'scb' as kalla_system,
        'befolkning' as kalla_tabell,
        min(ar) as ar_fran,
        max(ar) as ar_till,
        count(*) as antal_rader
    from {{ ref('stg_scb__befolkning') }}
    union all
    select
        'extern' as kalla_system,
        'kolada' as kalla_tabell,
        min(ar) as ar_fran,
        max(ar) as ar_till,
        count(*) as antal_rader
    from {{ ref('stg_extern__kolada') }}
),

final as (
    select
        kalla_system,
        kalla_tabell,
        period_fran,
        {{ kommunanalys.datum_manad_slut('manad_till') }} as period_till,
        antal_rader
    from manader
    union all
    select
        kalla_system,
        kalla_tabell,
        period_fran,
        period_till,
        antal_rader
    from datumkallor
    union all
    select
        kalla_system,
        kalla_tabell,
        case
            when ar_fran is not null
                then cast(concat(cast(ar_fran as {{ dbt.type_string() }}), '-01-01') as date)
        end as period_fran,
        case
            when ar_till is not null
                then cast(concat(cast(ar_till as {{ dbt.type_string() }}), '-12-31') as date)
        end as period_till,
        antal_rader
    from arskallor
)

select * from final
{{- radordning() }}
