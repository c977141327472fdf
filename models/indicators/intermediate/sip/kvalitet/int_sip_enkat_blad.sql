{#- The scored answer sheets of the SIP participation survey, once per breakdown they count in: 'alla' and their
    respondent type (individ / narstaende / foretradare), with the parameter that decides a "high" index
    (sip_parametrar.delaktighetsindex_grans). Feeds the survey indicators. Grain: svar_id, dimension. -#}

with

blad as (
    select * from {{ ref('stg_enkat__sip_delaktighet') }}
),

parametrar as (
    select * from {{ ref('sip_parametrar') }}
),

grans as (
    select max(case when parameter = 'delaktighetsindex_grans' then varde end) as index_grans
    from parametrar
),

per_dimension as (
    select
        svar_id,
        sip_id,
        kommun_kod,
        ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        delaktighetsindex
    from blad
    union all
    select
        svar_id,
        sip_id,
        kommun_kod,
        ar,
        'respondent' as dimension,
        respondent as dimension_varde,
        delaktighetsindex
    from blad
),

final as (
    select
        per_dimension.svar_id,
        per_dimension.sip_id,
        per_dimension.kommun_kod,
        cast(per_dimension.ar as integer) as ar,
        per_dimension.dimension,
        per_dimension.dimension_varde,
        cast(per_dimension.delaktighetsindex as decimal(18, 4)) as delaktighetsindex,
        per_dimension.delaktighetsindex is not null as has_index,
        coalesce(per_dimension.delaktighetsindex >= grans.index_grans, false) as is_hogt_index
    from per_dimension
    cross join grans
)

select * from final
