{{ config(tags=['indikator']) }}

{# SIP_ENKAT_ANTAL_SVAR: number of answer sheets (n) of the SIP participation survey, per municipality and year;
    'alla' and per respondent type. A count: namnare 1. #}

with

blad as (
    select * from {{ ref('int_sip_enkat_blad') }}
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        count(*) as antal_blad
    from blad
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
        antal_blad as taljare,
        1 as namnare,
        antal_blad as varde,
        antal_blad as antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_ENKAT_ANTAL_SVAR', 'beraknad') }}
)

select * from final
