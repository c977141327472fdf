{{ config(tags=['indikator']) }}

{# GNV_FALL_SLUTENVARD_80: inpatient episodes due to falls among persons 80 and over per 1 000 inhabitants 80+:
    episodes with an external cause W00–W19 of patients 80+ (age on 31 December), per 1 000 inhabitants 80+.
    Per municipality and year of admission; population from SCB (31 December, age 80 and over). Years: those with
    inpatient data (any municipality). antal_personer = distinct persons with such an episode. #}

with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

ar_med_data as (
    select distinct ar from vardtillfallen
),

invanare as (
    select
        befolkning.kommun_kod,
        befolkning.ar,
        sum(befolkning.antal) as antal_invanare
    from befolkning
    inner join ar_med_data on befolkning.ar = ar_med_data.ar
    where befolkning.alder >= 80
    group by befolkning.kommun_kod, befolkning.ar
),

fallskador as (
    select
        kommun_kod,
        ar,
        count(*) as antal_vardtillfallen,
        count(distinct person_id) as antal_personer
    from vardtillfallen
    where is_fallskada and alder >= 80
    group by kommun_kod, ar
),

beraknad as (
    select
        invanare.kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('invanare.ar') }} as period_start,
        {{ sip_ar_slut('invanare.ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        coalesce(fallskador.antal_vardtillfallen, 0) as taljare,
        invanare.antal_invanare as namnare,
        {{ kommunanalys.indikator_kvot(
            'coalesce(fallskador.antal_vardtillfallen, 0)', 'invanare.antal_invanare', 1000) }} as varde,
        coalesce(fallskador.antal_personer, 0) as antal_personer
    from invanare
    left join fallskador
        on
            invanare.kommun_kod = fallskador.kommun_kod
            and invanare.ar = fallskador.ar
),

final as (
    {{ kommunanalys.indikator_kolumner('GNV_FALL_SLUTENVARD_80', 'beraknad') }}
)

select * from final
