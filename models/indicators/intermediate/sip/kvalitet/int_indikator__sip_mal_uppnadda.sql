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

statusar as (
    select 'uppnatt' as mal_status
    union all
    select 'delvis'
    union all
    select 'ej_uppnatt'
),

namnare as (
    select
        kommun_kod,
        ar,
        count(*) as antal_bedomda,
        count(distinct raknas_som) as antal_personer
    from bedomda
    group by kommun_kod, ar
),

per_status as (
    select
        namnare.kommun_kod,
        namnare.ar,
        statusar.mal_status,
        namnare.antal_bedomda,
        namnare.antal_personer,
        sum(case when bedomda.mal_status = statusar.mal_status then 1 else 0 end) as antal_med_status
    from namnare
    cross join statusar
    inner join bedomda
        on
            namnare.kommun_kod = bedomda.kommun_kod
            and namnare.ar = bedomda.ar
    group by
        namnare.kommun_kod,
        namnare.ar,
        statusar.mal_status,
        namnare.antal_bedomda,
        namnare.antal_personer
),

per_dimension as (
    select
        kommun_kod,
        ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        antal_med_status,
        antal_bedomda,
        antal_personer
    from per_status
    where mal_status = 'uppnatt'
    union all
    select
        kommun_kod,
        ar,
        'mal_status' as dimension,
        mal_status as dimension_varde,
        antal_med_status,
        antal_bedomda,
        antal_personer
    from per_status
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        antal_med_status as taljare,
        antal_bedomda as namnare,
        {{ kommunanalys.indikator_kvot('antal_med_status', 'antal_bedomda', 100) }} as varde,
        antal_personer
    from per_dimension
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_MAL_UPPNADDA', 'beraknad') }}
)

select * from final
