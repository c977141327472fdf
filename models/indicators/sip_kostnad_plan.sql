{#- indikatorer.sip_kostnad_plan: cost and outcome per SIP — administrative cost per principal, inpatient days and
    their cost 12 months before vs after establishment, goals of the latest review, cost-effectiveness.
    Public, contracted; the logic is in int_sip_kostnad_plan. Grain: sip_id. -#}

with

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

final as (
    select
        sip_id,
        person_id,
        kommun_kod,
        upprattad_datum,
        upprattad_ar,
        admin_minuter,
        admin_kostnad_kommun,
        admin_kostnad_region,
        admin_kostnad,
        vardagar_fore,
        vardagar_efter,
        vardagar_forandring,
        akuta_vardagar_fore,
        akuta_vardagar_efter,
        akuta_vardagar_forandring,
        vardkostnad_fore,
        vardkostnad_efter,
        vardkostnad_forandring,
        is_fore_komplett,
        is_efter_komplett,
        senaste_granskningsdatum,
        antal_bedomda_mal,
        antal_uppnadda_mal,
        admin_kostnad_per_uppnatt_mal,
        akuta_vardagar_forandring_per_tkr
    from plan_kostnad
)

select * from final
{{- radordning() }}
