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

{{ indikator_andel('SIP_MAL_SMART', 'per_kriterium', 'is_uppfyllt', dimensioner=none, personer='raknas_som') }}
