{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_PER_UPPNATT_MAL: administrative cost (kr) per goal met: the coordination cost (all time reported on
    them) of the plans reviewed in the year divided by the goals marked uppnatt in that review. antal_personer =
    reviewed plans.
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
        admin_kostnad_granskade_planer as taljare,
        antal_uppnadda_mal as namnare,
        {{ kommunanalys.indikator_kvot('admin_kostnad_granskade_planer', 'antal_uppnadda_mal') }} as varde,
        antal_granskade_planer as antal_personer
    from kostnad
    where antal_granskade_planer > 0
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_KOSTNAD_PER_UPPNATT_MAL', 'beraknad') }}
)

select * from final
