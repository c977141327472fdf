{{ config(tags=['indikator']) }}

{# SIP_VARDKOSTNAD_FORANDRING: change in the cost (kr) of inpatient days per plan, 12 months after minus before, at
    the cost per inpatient day of the establishing year (seed vard_dygnskostnad, status U):
    the indirect cost.
    Per municipality and year of establishment, over the plans established in the year (int_sip_kostnad_plan;
    windows may reach beyond the extract: see is_fore_komplett / is_efter_komplett in indikatorer.sip_kostnad_plan).
    taljare = sum of the changes, namnare = plans. #}

with

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

per_dimension as (
    select
        kommun_kod,
        upprattad_ar as ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        sip_id,
        person_id,
        vardkostnad_forandring as forandring
    from plan_kostnad
    where upprattad_ar is not null
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        sum(forandring) as summa_forandring,
        count(distinct sip_id) as antal_planer,
        count(distinct person_id) as antal_personer
    from per_dimension
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
        summa_forandring as taljare,
        antal_planer as namnare,
        {{ kommunanalys.indikator_kvot('summa_forandring', 'antal_planer') }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_VARDKOSTNAD_FORANDRING', 'beraknad') }}
)

select * from final
