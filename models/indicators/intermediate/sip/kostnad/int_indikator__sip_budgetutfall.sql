{{ config(tags=['indikator']) }}

{# SIP_BUDGETUTFALL: ledger outcome as a percentage of the budget for the SIP activity (aktivitet
    var('sip_aktivitet', 'SIP') in huvudbok and budget). antal_personer = persons with a SIP in the year (the value
    is not personal data, but follows the framework).
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
        budget_utfall as taljare,
        budget as namnare,
        budget_utfall_procent as varde,
        antal_personer_med_sip as antal_personer
    from kostnad
    where budget is not null
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_BUDGETUTFALL', 'beraknad') }}
)

select * from final
