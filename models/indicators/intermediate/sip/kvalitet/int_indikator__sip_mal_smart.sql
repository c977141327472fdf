{{ config(tags=['indikator']) }}

{# SIP_MAL_SMART: share (%) of the reviewed goals that are SMART — all five criteria ('alla') — and that meet each
    criterion (dimension 'kriterium': the five of macro sip_smart_kriterier). Per municipality and
    review year. antal_personer = persons (plans when the person is unknown) behind the goals. #}

with

mal as (
    select * from {{ ref('int_sip_granskning_mal') }}
),

per_kriterium as (
    select
        kommun_kod,
        ar,
        raknas_som,
        'alla' as dimension,
        'alla' as dimension_varde,
        is_smart as is_uppfyllt
    from mal
    {%- for kriterium in sip_smart_kriterier() %}
        union all
        select
            kommun_kod,
            ar,
            raknas_som,
            'kriterium' as dimension,
            '{{ kriterium }}' as dimension_varde,
            is_{{ kriterium }} as is_uppfyllt
        from mal
    {%- endfor %}
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        sum(case when is_uppfyllt then 1 else 0 end) as antal_uppfyllda,
        count(*) as antal_mal,
        count(distinct raknas_som) as antal_personer
    from per_kriterium
    group by kommun_kod, ar, dimension, dimension_varde
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        antal_uppfyllda as taljare,
        antal_mal as namnare,
        {{ kommunanalys.indikator_kvot('antal_uppfyllda', 'antal_mal', 100) }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_MAL_SMART', 'beraknad') }}
)

select * from final
