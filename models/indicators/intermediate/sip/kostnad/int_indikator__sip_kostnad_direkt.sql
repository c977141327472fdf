{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_DIREKT: direct cost (kr) per person with a SIP in force in the year: the KPB cost
    (kpb.brukare.total_kostnad) of those persons divided by their number (persons without municipal insatser count
    with 0 kr).
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
        direkt_kostnad as taljare,
        antal_personer_med_sip as namnare,
        {{ kommunanalys.indikator_kvot('direkt_kostnad', 'antal_personer_med_sip') }} as varde,
        antal_personer_med_sip as antal_personer
    from kostnad
    where antal_personer_med_sip > 0
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_KOSTNAD_DIREKT', 'beraknad') }}
)

select * from final
