{#- The period each source system's delivered data covers (first and last day), with its row count: the data
    period in the site's header, in the export's front sheet and in the export manifest. -#}
{#- the sources by their grain: (kalla_system, kalla_tabell, staging model, first-day and last-day expressions) -#}
{%- set manadskallor = [
    ('ekonomi', 'huvudbok', 'stg_ekonomi__huvudbok', 'period', 'period'),
    ('verksamhet', 'insatser', 'stg_verksamhet__insatser', 'period', 'period'),
] %}
{%- set datumkallor = [
    ('region', 'vardtillfallen', 'stg_region__vardtillfallen', 'inskrivning_tid',
        'coalesce(utskrivning_tid, inskrivning_tid)'),
    ('region', 'kva', 'stg_region__kva', 'datum', 'datum'),
    ('samsa', 'utskrivning', 'stg_samsa__utskrivning', 'utskrivningsklar_tid', 'utskrivningsklar_tid'),
    ('samsa', 'sip', 'stg_samsa__sip_handelser', 'handelse_tid', 'handelse_tid'),
    ('enkat', 'sip_delaktighet', 'stg_enkat__sip_delaktighet', 'datum', 'datum'),
    ('granskning', 'sip_granskning', 'stg_granskning__sip_granskning', 'granskningsdatum', 'granskningsdatum'),
    ('tid', 'sip_tid', 'stg_tid__sip_tid', 'datum', 'datum'),
] %}
{%- set arskallor = [
    ('scb', 'befolkning', 'stg_scb__befolkning', 'ar', 'ar'),
    ('extern', 'kolada', 'stg_extern__kolada', 'ar', 'ar'),
] %}
with manadskallor as (
    {{ kallornas_intervall(manadskallor, 'period_fran', 'period_till') | indent(4) }}
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
    {{ kallornas_intervall(datumkallor, 'period_fran', 'period_till', typ='date') | indent(4) }}
),

arskallor as (
    {{ kallornas_intervall(arskallor, 'ar_fran', 'ar_till') | indent(4) }}
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
