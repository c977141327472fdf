{#- SIP costs per municipality and year, the six cost indicators of the SIP note:
    (1) direct: KPB cost (kpb.brukare.total_kostnad) of the persons with a SIP in force in the year;
    (2) administrative: time reports dated in the year × salary cost, split by principal (incl. time not tied to a
        plan), and per plan with time reported;
    (3) indirect: inpatient days and their cost 12 months before vs after, for the plans established in the year
        whose both windows are complete (macro sip_kompletta_fonster); plans with a truncated window are counted
        (antal_planer_ofullstandiga_fonster) but never summed in; without any complete plan the before/after
        figures are NULL, not 0, with indirekt_saknas_orsak (issue 22, fix 5); the stay that triggered the SIP is
        left out of the before-window (int_sip_varddagar, var sip_utlosande_vardtillfalle_dagar);
    (4) cost per person with a SIP = (direct + administrative) / persons with a SIP;
    (5) cost-effectiveness: administrative cost of the plans reviewed in the year per goal met in that review, and
        the change in acute inpatient days per 1 000 kr of coordination of the plans established in the year;
    (6) budget follow-up: ledger outcome vs budget on aktivitet installning('sip_aktivitet').
    Grain: kommun_kod, ar (every municipality and year that has any of these). -#}

with

personer as (
    select * from {{ ref('int_sip_personer_ar') }}
),

brukare as (
    select * from {{ ref('brukare') }}
),

tid_kostnad as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

granskning as (
    select * from {{ ref('int_sip_granskning_planer') }}
),

{# the one condition of the before/after figures: both windows complete #}
plan_fonster as (
    select
        plan_kostnad.*,
        {{ sip_kompletta_fonster('plan_kostnad') }} as is_komplett
    from plan_kostnad
),

huvudbok as (
    select * from {{ ref('stg_ekonomi__huvudbok') }}
),

budget as (
    select * from {{ ref('stg_ekonomi__budget') }}
),

direkt as (
    select
        personer.kommun_kod,
        personer.ar,
        count(distinct personer.person_id) as antal_personer_med_sip,
        count(distinct brukare.person_id) as antal_personer_med_kpb_kostnad,
        sum(brukare.total_kostnad) as direkt_kostnad
    from personer
    left join brukare
        on
            personer.kommun_kod = brukare.kommun_kod
            and personer.ar = brukare.ar
            and personer.person_id = brukare.person_id
    group by personer.kommun_kod, personer.ar
),

administrativ as (
    select
        kommun_kod,
        ar,
        sum(minuter) as admin_minuter,
        sum(case when huvudman = 'kommun' then kostnad else 0 end) as admin_kostnad_kommun,
        sum(case when huvudman = 'region' then kostnad else 0 end) as admin_kostnad_region,
        sum(kostnad) as admin_kostnad,
        sum(case when sip_id is not null then kostnad else 0 end) as admin_kostnad_planer,
        count(distinct sip_id) as antal_planer_med_tid
    from tid_kostnad
    group by kommun_kod, ar
),

indirekt as (
    select
        kommun_kod,
        upprattad_ar as ar,
        count(*) as antal_upprattade_planer,
        sum(case when is_komplett then 1 else 0 end) as antal_planer_kompletta_fonster,
        sum(case when is_komplett then 0 else 1 end) as antal_planer_ofullstandiga_fonster,
        sum(case when is_komplett then vardagar_fore end) as vardagar_fore,
        sum(case when is_komplett then vardagar_efter end) as vardagar_efter,
        sum(case when is_komplett then akuta_vardagar_fore end) as akuta_vardagar_fore,
        sum(case when is_komplett then akuta_vardagar_efter end) as akuta_vardagar_efter,
        sum(case when is_komplett then vardkostnad_fore end) as vardkostnad_fore,
        sum(case when is_komplett then vardkostnad_efter end) as vardkostnad_efter,
        sum(case when is_komplett then admin_kostnad end) as admin_kostnad_upprattade_planer
    from plan_fonster
    where upprattad_ar is not null
    group by kommun_kod, upprattad_ar
),

granskade as (
    select
        granskning.kommun_kod,
        granskning.ar,
        count(distinct granskning.sip_id) as antal_granskade_planer,
        sum(granskning.antal_uppnadda_mal) as antal_uppnadda_mal,
        sum(coalesce(plan_kostnad.admin_kostnad, 0)) as admin_kostnad_granskade_planer
    from granskning
    left join plan_kostnad on granskning.sip_id = plan_kostnad.sip_id
    group by granskning.kommun_kod, granskning.ar
),

utfall as (
    select
        kommun_kod,
        ar,
        sum(belopp) as budget_utfall
    from huvudbok
    where aktivitet = '{{ installning('sip_aktivitet') }}'
    group by kommun_kod, ar
),

budgeterat as (
    select
        kommun_kod,
        ar,
        sum(belopp) as budget
    from budget
    where aktivitet = '{{ installning('sip_aktivitet') }}'
    group by kommun_kod, ar
),

kommun_ar as (
    select
        kommun_kod,
        ar
    from direkt
    union
    select
        kommun_kod,
        ar
    from administrativ
    union
    select
        kommun_kod,
        ar
    from indirekt
    union
    select
        kommun_kod,
        ar
    from granskade
    union
    select
        kommun_kod,
        ar
    from utfall
    union
    select
        kommun_kod,
        ar
    from budgeterat
),

{# the before/after figures only where at least one plan has complete windows: NULL, not 0, otherwise #}
indirekt_komplett as (
    select
        kommun_kod,
        ar,
        coalesce(vardagar_fore, 0) as vardagar_fore,
        coalesce(vardagar_efter, 0) as vardagar_efter,
        coalesce(akuta_vardagar_fore, 0) as akuta_vardagar_fore,
        coalesce(akuta_vardagar_efter, 0) as akuta_vardagar_efter,
        coalesce(vardkostnad_fore, 0) as vardkostnad_fore,
        coalesce(vardkostnad_efter, 0) as vardkostnad_efter
    from indirekt
    where antal_planer_kompletta_fonster > 0
),

final as (
    select
        kommun_ar.kommun_kod,
        cast(kommun_ar.ar as integer) as ar,
        cast(coalesce(direkt.antal_personer_med_sip, 0) as bigint) as antal_personer_med_sip,
        cast(coalesce(direkt.antal_personer_med_kpb_kostnad, 0) as bigint) as antal_personer_med_kpb_kostnad,
        cast(coalesce(direkt.direkt_kostnad, 0) as decimal(18, 2)) as direkt_kostnad,
        cast({{ kommunanalys.indikator_kvot(
            'direkt.direkt_kostnad', 'direkt.antal_personer_med_sip') }} as decimal(18, 2))
            as direkt_kostnad_per_person,
        cast(coalesce(administrativ.admin_minuter, 0) as decimal(18, 2)) as admin_minuter,
        cast(coalesce(administrativ.admin_kostnad_kommun, 0) as decimal(18, 2)) as admin_kostnad_kommun,
        cast(coalesce(administrativ.admin_kostnad_region, 0) as decimal(18, 2)) as admin_kostnad_region,
        cast(coalesce(administrativ.admin_kostnad, 0) as decimal(18, 2)) as admin_kostnad,
        cast(coalesce(administrativ.antal_planer_med_tid, 0) as bigint) as antal_planer_med_tid,
        cast(
            {{ kommunanalys.indikator_kvot(
                'administrativ.admin_kostnad_planer', 'administrativ.antal_planer_med_tid') }}
            as decimal(18, 2)
        ) as admin_kostnad_per_plan,
        cast(
            {{ kommunanalys.indikator_kvot(
                'coalesce(direkt.direkt_kostnad, 0) + coalesce(administrativ.admin_kostnad, 0)',
                'direkt.antal_personer_med_sip') }}
            as decimal(18, 2)
        ) as kostnad_per_person_med_sip,
        cast(coalesce(indirekt.antal_upprattade_planer, 0) as bigint) as antal_upprattade_planer,
        cast(coalesce(indirekt.antal_planer_kompletta_fonster, 0) as bigint) as antal_planer_kompletta_fonster,
        cast(coalesce(indirekt.antal_planer_ofullstandiga_fonster, 0) as bigint)
            as antal_planer_ofullstandiga_fonster,
        cast(indirekt_komplett.vardagar_fore as bigint) as vardagar_fore,
        cast(indirekt_komplett.vardagar_efter as bigint) as vardagar_efter,
        cast(indirekt_komplett.vardagar_efter - indirekt_komplett.vardagar_fore as bigint)
            as vardagar_forandring,
        cast(indirekt_komplett.akuta_vardagar_fore as bigint) as akuta_vardagar_fore,
        cast(indirekt_komplett.akuta_vardagar_efter as bigint) as akuta_vardagar_efter,
        cast(indirekt_komplett.akuta_vardagar_efter - indirekt_komplett.akuta_vardagar_fore as bigint)
            as akuta_vardagar_forandring,
        cast(indirekt_komplett.vardkostnad_fore as decimal(18, 2)) as vardkostnad_fore,
        cast(indirekt_komplett.vardkostnad_efter as decimal(18, 2)) as vardkostnad_efter,
        cast(indirekt_komplett.vardkostnad_efter - indirekt_komplett.vardkostnad_fore as decimal(18, 2))
            as vardkostnad_forandring,
        cast(
            case
                when coalesce(indirekt.antal_upprattade_planer, 0) = 0 then 'inga upprättade planer under året'
                when coalesce(indirekt.antal_planer_kompletta_fonster, 0) = 0
                    then 'ingen plan med kompletta före- och efterfönster'
            end as {{ dbt.type_string() }}
        ) as indirekt_saknas_orsak,
        cast(coalesce(indirekt.admin_kostnad_upprattade_planer, 0) as decimal(18, 2))
            as admin_kostnad_upprattade_planer,
        cast(
            {{ kommunanalys.indikator_kvot(
                'coalesce(indirekt.akuta_vardagar_efter, 0) - coalesce(indirekt.akuta_vardagar_fore, 0)',
                'indirekt.admin_kostnad_upprattade_planer', 1000) }}
            as decimal(18, 6)
        ) as akuta_vardagar_forandring_per_tkr,
        cast(coalesce(granskade.antal_granskade_planer, 0) as bigint) as antal_granskade_planer,
        cast(coalesce(granskade.antal_uppnadda_mal, 0) as bigint) as antal_uppnadda_mal,
        cast(coalesce(granskade.admin_kostnad_granskade_planer, 0) as decimal(18, 2))
            as admin_kostnad_granskade_planer,
        cast(
            {{ kommunanalys.indikator_kvot(
                'granskade.admin_kostnad_granskade_planer', 'granskade.antal_uppnadda_mal') }}
            as decimal(18, 2)
        ) as admin_kostnad_per_uppnatt_mal,
        cast(budgeterat.budget as decimal(18, 2)) as budget,
        cast(utfall.budget_utfall as decimal(18, 2)) as budget_utfall,
        cast(budgeterat.budget - utfall.budget_utfall as decimal(18, 2)) as budget_avvikelse,
        cast({{ kommunanalys.indikator_kvot('utfall.budget_utfall', 'budgeterat.budget', 100) }} as decimal(18, 4))
            as budget_utfall_procent
    from kommun_ar
    left join direkt
        on kommun_ar.kommun_kod = direkt.kommun_kod and kommun_ar.ar = direkt.ar
    left join administrativ
        on kommun_ar.kommun_kod = administrativ.kommun_kod and kommun_ar.ar = administrativ.ar
    left join indirekt
        on kommun_ar.kommun_kod = indirekt.kommun_kod and kommun_ar.ar = indirekt.ar
    left join indirekt_komplett
        on kommun_ar.kommun_kod = indirekt_komplett.kommun_kod and kommun_ar.ar = indirekt_komplett.ar
    left join granskade
        on kommun_ar.kommun_kod = granskade.kommun_kod and kommun_ar.ar = granskade.ar
    left join utfall
        on kommun_ar.kommun_kod = utfall.kommun_kod and kommun_ar.ar = utfall.ar
    left join budgeterat
        on kommun_ar.kommun_kod = budgeterat.kommun_kod and kommun_ar.ar = budgeterat.ar
)

select * from final
