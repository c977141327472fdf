{{ config(tags=['indikator']) }}

{# SIP_DELAKTIGHET_HOG: share (%) of survey respondents whose participation index is at least the threshold
    (sip_parametrar.delaktighetsindex_grans, 4 [I]), among sheets with an index (at least half the items answered).
    Per municipality and year; 'alla' and per respondent type. antal_personer = sheets (one respondent each). #}

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
        sum(case when is_hogt_index then 1 else 0 end) as antal_hoga,
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
        antal_hoga as taljare,
        antal_med_index as namnare,
        {{ kommunanalys.indikator_kvot('antal_hoga', 'antal_med_index', 100) }} as varde,
        antal_med_index as antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_DELAKTIGHET_HOG', 'beraknad') }}
)

select * from final
