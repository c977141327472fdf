{#- indikatorer.sip_antal: SIP counts per municipality, quarter and breakdown (alla / halsovalsenhet / klinik),
    one column per measure. Grain: kommun_kod, kvartal_start, dimension, dimension_varde. -#}

with

antal as (
    select * from {{ ref('int_sip_antal_kvartal') }}
),

final as (
    select
        kommun_kod,
        kvartal_start,
        kvartal_slut,
        dimension,
        dimension_varde,
        cast(sum(case when matt = 'startade' then antal_planer else 0 end) as bigint) as antal_startade,
        cast(sum(case when matt = 'upprattade' then antal_planer else 0 end) as bigint) as antal_upprattade,
        cast(sum(case when matt = 'uppfoljda' then antal_planer else 0 end) as bigint) as antal_uppfoljda,
        cast(sum(case when matt = 'avslutade' then antal_planer else 0 end) as bigint) as antal_avslutade,
        cast(sum(case when matt = 'oppna' then antal_planer else 0 end) as bigint) as antal_oppna
    from antal
    group by
        kommun_kod,
        kvartal_start,
        kvartal_slut,
        dimension,
        dimension_varde
)

select * from final
{{- radordning() }}
