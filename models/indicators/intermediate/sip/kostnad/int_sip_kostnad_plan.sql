{#- Cost per plan: the administrative cost of coordination (time reports × salary cost, split by principal),
    the inpatient days and their cost 12 months before and after establishment (int_sip_varddagar), the goals of
    the plan's latest review, and cost-effectiveness per plan (administrative cost per goal met, change in acute
    inpatient days per 1 000 kr of coordination). Grain: sip_id (every plan in SAMSA). -#}

with

planer as (
    select * from {{ ref('int_sip_planer') }}
),

tid_kostnad as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

varddagar as (
    select * from {{ ref('int_sip_varddagar') }}
),

granskning as (
    select * from {{ ref('int_sip_granskning_planer') }}
),

admin as (
    select
        sip_id,
        sum(minuter) as minuter,
        sum(case when huvudman = 'kommun' then kostnad else 0 end) as admin_kostnad_kommun,
        sum(case when huvudman = 'region' then kostnad else 0 end) as admin_kostnad_region,
        sum(kostnad) as admin_kostnad
    from tid_kostnad
    where sip_id is not null
    group by sip_id
),

senaste_granskning as (
    select
        sip_id,
        granskningsdatum,
        antal_mal,
        antal_bedomda_mal,
        antal_uppnadda_mal,
        row_number() over (partition by sip_id order by granskningsdatum desc) as rangordning
    from granskning
),

final as (
    select
        planer.sip_id,
        planer.person_id,
        planer.kommun_kod,
        planer.upprattad_datum,
        planer.upprattad_ar,
        cast(coalesce(admin.minuter, 0) as decimal(18, 2)) as admin_minuter,
        cast(coalesce(admin.admin_kostnad_kommun, 0) as decimal(18, 2)) as admin_kostnad_kommun,
        cast(coalesce(admin.admin_kostnad_region, 0) as decimal(18, 2)) as admin_kostnad_region,
        cast(coalesce(admin.admin_kostnad, 0) as decimal(18, 2)) as admin_kostnad,
        varddagar.vardagar_fore,
        varddagar.vardagar_efter,
        varddagar.vardagar_forandring,
        varddagar.akuta_vardagar_fore,
        varddagar.akuta_vardagar_efter,
        varddagar.akuta_vardagar_forandring,
        varddagar.vardkostnad_fore,
        varddagar.vardkostnad_efter,
        varddagar.vardkostnad_forandring,
        varddagar.is_fore_komplett,
        varddagar.is_efter_komplett,
        senaste_granskning.granskningsdatum as senaste_granskningsdatum,
        senaste_granskning.antal_bedomda_mal,
        senaste_granskning.antal_uppnadda_mal,
        cast(
            {{ kommunanalys.indikator_kvot(
                'admin.admin_kostnad', 'senaste_granskning.antal_uppnadda_mal') }} as decimal(18, 2)
        ) as admin_kostnad_per_uppnatt_mal,
        cast(
            {{ kommunanalys.indikator_kvot(
                'varddagar.akuta_vardagar_forandring', 'admin.admin_kostnad', 1000) }} as decimal(18, 6)
        ) as akuta_vardagar_forandring_per_tkr
    from planer
    left join admin on planer.sip_id = admin.sip_id
    left join varddagar on planer.sip_id = varddagar.sip_id
    left join senaste_granskning
        on
            planer.sip_id = senaste_granskning.sip_id
            and senaste_granskning.rangordning = 1
)

select * from final
