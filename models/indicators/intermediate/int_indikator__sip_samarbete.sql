{{ config(tags=['indikator']) }}

{# SIP_SAMARBETE: mean rating (1–5) of collaboration between the parties in the yearly review, one rating per
    reviewed plan (not per goal row).
    Per municipality and review year. taljare = sum of the plans' ratings, namnare = rated plans. #}

with

planer as (
    select * from {{ ref('int_sip_granskning_planer') }}
),

per_ar as (
    select
        kommun_kod,
        ar,
        sum(samarbete) as summa_betyg,
        count(samarbete) as antal_planer,
        count(distinct case when samarbete is not null then raknas_som end) as antal_personer
    from planer
    group by kommun_kod, ar
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        coalesce(summa_betyg, 0) as taljare,
        antal_planer as namnare,
        {{ kommunanalys.indikator_kvot('summa_betyg', 'antal_planer') }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_SAMARBETE', 'beraknad') }}
)

select * from final
