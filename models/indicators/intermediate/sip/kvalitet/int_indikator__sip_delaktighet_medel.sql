{{ config(tags=['indikator']) }}

{# SIP_DELAKTIGHET_MEDEL: mean participation index (1–5) of the survey sheets that have one. Per municipality and
    year; 'alla' and per respondent type. taljare = sum of the indices, namnare = sheets with an index. #}

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
        sum(delaktighetsindex) as summa_index,
        sum(case when has_index then 1 else 0 end) as antal_med_index
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
        coalesce(summa_index, 0) as taljare,
        antal_med_index as namnare,
        {{ kommunanalys.indikator_kvot('summa_index', 'antal_med_index') }} as varde,
        antal_med_index as antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_DELAKTIGHET_MEDEL', 'beraknad') }}
)

select * from final
