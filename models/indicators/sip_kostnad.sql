{#- indikatorer.sip_kostnad: SIP costs per municipality and year — direct (KPB), administrative (time × salary,
    per principal), indirect (inpatient days before vs after), per person, cost-effectiveness and budget follow-up.
    Public, contracted; the logic is in int_sip_kostnad_kommun_ar. Grain: kommun_kod, ar. -#}

with

kostnad as (
    select * from {{ ref('int_sip_kostnad_kommun_ar') }}
),

final as (
    select
        kommun_kod,
        ar,
        antal_personer_med_sip,
        antal_personer_med_kpb_kostnad,
        direkt_kostnad,
        direkt_kostnad_per_person,
        admin_minuter,
        admin_kostnad_kommun,
        admin_kostnad_region,
        admin_kostnad,
        antal_planer_med_tid,
        admin_kostnad_per_plan,
        kostnad_per_person_med_sip,
        antal_upprattade_planer,
        antal_planer_kompletta_fonster,
        antal_planer_ofullstandiga_fonster,
        vardagar_fore,
        vardagar_efter,
        vardagar_forandring,
        akuta_vardagar_fore,
        akuta_vardagar_efter,
        akuta_vardagar_forandring,
        vardkostnad_fore,
        vardkostnad_efter,
        vardkostnad_forandring,
        indirekt_saknas_orsak,
        admin_kostnad_upprattade_planer,
        akuta_vardagar_forandring_per_tkr,
        antal_granskade_planer,
        antal_uppnadda_mal,
        admin_kostnad_granskade_planer,
        admin_kostnad_per_uppnatt_mal,
        budget,
        budget_utfall,
        budget_avvikelse,
        budget_utfall_procent
    from kostnad
)

select * from final
{{- radordning() }}
