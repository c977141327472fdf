{{ config(tags=['indikator']) }}

{# SIP_MAL_UPPNADDA: share (%) of the assessed goals that were met ('alla' = uppnatt), and the share of each
    outcome (dimension 'mal_status': uppnatt, delvis, ej_uppnatt); goals 'ej_bedomt' are left out of the
    denominator. Per municipality and review year. #}

with

mal as (
    select * from {{ ref('int_sip_granskning_mal') }}
),

bedomda as (
    select * from mal
    where is_bedomt
),

{# every assessed goal once for 'alla' (met = uppnatt) and once per outcome (met = that outcome) #}
per_status as (
    select
        kommun_kod,
        ar,
        raknas_som,
        'alla' as dimension,
        'alla' as dimension_varde,
        mal_status = 'uppnatt' as is_uppfyllt
    from bedomda
    {%- for status in ['uppnatt', 'delvis', 'ej_uppnatt'] %}
        union all
        select
            kommun_kod,
            ar,
            raknas_som,
            'mal_status' as dimension,
            '{{ status }}' as dimension_varde,
            mal_status = '{{ status }}' as is_uppfyllt
        from bedomda
    {%- endfor %}
),

{{ indikator_andel('SIP_MAL_UPPNADDA', 'per_status', 'is_uppfyllt', dimensioner=none, personer='raknas_som') }}
