{#- Which of the sources each indicator is computed from (seed indikator_kallor) delivered usable rows in this build
    (staging.radavstamning: used rows per system and table; a source without a file has no row there). Grain
    indikator_id, kalla. indikatorer.utfall shows no value of an indicator with a source not delivered (a count of 0
    episodes from a region file that was never delivered is not a measurement), and indikatorer.utfall_saknas names
    the missing sources. -#}
with

kallor as (
    select * from {{ ref('indikator_kallor') }}
),

radavstamning as (
    select * from {{ ref('radavstamning') }}
),

levererade as (
    select
        concat(kalla_system, '/', kalla_tabell) as kalla,
        sum(anvanda_rader) as anvanda_rader
    from radavstamning
    group by kalla_system, kalla_tabell
),

final as (
    select
        kallor.indikator_id,
        kallor.kalla,
        cast(coalesce(levererade.anvanda_rader, 0) as bigint) as anvanda_rader,
        coalesce(levererade.anvanda_rader, 0) > 0 as is_levererad
    from kallor
    left join levererade
        on kallor.kalla = levererade.kalla
)

select * from final
