{{ config(tags=['indikator']) }}

{# SIP_MAL_SMART: share (%) of the reviewed goals that are SMART — all five criteria ('alla') — and that meet each
    criterion (dimension 'kriterium': the five of macro sip_smart_kriterier). Per municipality and
    review year. antal_personer = persons (plans when the person is unknown) behind the goals. #}

with

mal as (
    select * from {{ ref('int_sip_granskning_mal') }}
),

{%- set kriterier = [] %}
{%- for kriterium in sip_smart_kriterier() %}
    {%- do kriterier.append((kriterium, 'is_' ~ kriterium)) %}
{%- endfor %}

per_kriterium as (
    {{ indikator_uppfyllt_per_varde('mal', 'is_smart', 'kriterium', kriterier) | indent(4) }}
),

{{ indikator_andel('SIP_MAL_SMART', 'per_kriterium', 'is_uppfyllt', dimensioner=none, personer='raknas_som') }}
