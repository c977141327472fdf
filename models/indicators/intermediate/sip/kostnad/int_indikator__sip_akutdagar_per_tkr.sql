{{ config(tags=['indikator']) }}

{# SIP_AKUTDAGAR_PER_TKR: change in acute inpatient days (12 months after minus before) per 1 000 kr of
    coordination, over the plans established in the year; negative = fewer acute days. antal_personer = established
    plans.
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}

with

kostnad as (
    select * from {{ ref('int_sip_kostnad_kommun_ar') }}
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        akuta_vardagar_forandring as taljare,
        admin_kostnad_upprattade_planer / 1000 as namnare,
        akuta_vardagar_forandring_per_tkr as varde,
        antal_upprattade_planer as antal_personer
    from kostnad
    where antal_upprattade_planer > 0
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_AKUTDAGAR_PER_TKR', 'beraknad') }}
)

select * from final
