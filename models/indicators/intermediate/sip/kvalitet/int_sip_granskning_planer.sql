{#- The yearly review per plan: goals, SMART goals, goals assessed and met, and the plan's three ratings
    (ansvar_tydligt, samarbete, resurser, 1–5), which the review repeats on every goal row and which are therefore
    taken once per plan (the mean of the rows, equal when the file is consistent). Grain: sip_id, granskningsdatum.
    -#}

with

mal as (
    select * from {{ ref('int_sip_granskning_mal') }}
),

final as (
    select
        sip_id,
        granskningsdatum,
        min(kommun_kod) as kommun_kod,
        min(ar) as ar,
        min(person_id) as person_id,
        min(raknas_som) as raknas_som,
        cast(count(*) as bigint) as antal_mal,
        cast(sum(case when is_smart then 1 else 0 end) as bigint) as antal_smart_mal,
        cast(sum(case when is_bedomt then 1 else 0 end) as bigint) as antal_bedomda_mal,
        cast(sum(case when mal_status = 'uppnatt' then 1 else 0 end) as bigint) as antal_uppnadda_mal,
        cast(sum(case when mal_status = 'delvis' then 1 else 0 end) as bigint) as antal_delvis_uppnadda_mal,
        cast(sum(case when mal_status = 'ej_uppnatt' then 1 else 0 end) as bigint) as antal_ej_uppnadda_mal,
        cast(avg(cast(ansvar_tydligt as decimal(18, 4))) as decimal(18, 4)) as ansvar_tydligt,
        cast(avg(cast(samarbete as decimal(18, 4))) as decimal(18, 4)) as samarbete,
        cast(avg(cast(resurser as decimal(18, 4))) as decimal(18, 4)) as resurser
    from mal
    group by sip_id, granskningsdatum
)

select * from final
