{#- SIP costs per municipality and year, the six cost indicators of the SIP note:
    (1) direct: KPB cost (kpb.brukare.total_kostnad) of the persons with a SIP in force in the year;
    (2) administrative: time reports dated in the year × salary cost, split by principal (incl. time not tied to a
        plan), and per plan with time reported;
    (3) indirect: inpatient days and their cost 12 months before vs after, for the plans established in the year
        whose both windows are complete (int_sip_kostnad_indirekt_ar); without any complete plan the before/after
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

indirekt as (
    select * from {{ ref('int_sip_kostnad_indirekt_ar') }}
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
        on {{ lika_kolumner('personer', 'brukare', ['kommun_kod', 'ar', 'person_id']) }}
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

{# (6) the ledger's outcome and the budget on the SIP activity: the same sum over huvudbok and budget #}
-- noqa: disable=layout.indent
{% for cte, modell, kolumn in [
    ('utfall', 'stg_ekonomi__huvudbok', 'budget_utfall'),
    ('budgeterat', 'stg_ekonomi__budget', 'budget'),
] -%}
{{ cte }} as (
    select
        kommun_kod,
        ar,
        sum(belopp) as {{ kolumn }}
    from {{ ref(modell) }}
    where aktivitet = '{{ installning('sip_aktivitet') }}'
    group by kommun_kod, ar
),

{% endfor -%}
-- noqa: enable=layout.indent

{%- set delar = ['direkt', 'administrativ', 'indirekt', 'granskade', 'utfall', 'budgeterat'] %}

kommun_ar as (
    {%- for del in delar %}
        select
            kommun_kod,
            ar
        from {{ del }}
        {%- if not loop.last %}
            union
        {%- endif %}
    {%- endfor %}
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
        cast(indirekt.vardagar_fore as bigint) as vardagar_fore,
        cast(indirekt.vardagar_efter as bigint) as vardagar_efter,
        cast(indirekt.vardagar_efter - indirekt.vardagar_fore as bigint)
            as vardagar_forandring,
        cast(indirekt.akuta_vardagar_fore as bigint) as akuta_vardagar_fore,
        cast(indirekt.akuta_vardagar_efter as bigint) as akuta_vardagar_efter,
        cast(indirekt.akuta_vardagar_efter - indirekt.akuta_vardagar_fore as bigint)
            as akuta_vardagar_forandring,
        cast(indirekt.vardkostnad_fore as decimal(18, 2)) as vardkostnad_fore,
        cast(indirekt.vardkostnad_efter as decimal(18, 2)) as vardkostnad_efter,
        cast(indirekt.vardkostnad_efter - indirekt.vardkostnad_fore as decimal(18, 2))
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
    left join direkt on {{ lika_kolumner('kommun_ar', 'direkt', ['kommun_kod', 'ar']) }}
    left join administrativ on {{ lika_kolumner('kommun_ar', 'administrativ', ['kommun_kod', 'ar']) }}
    left join indirekt on {{ lika_kolumner('kommun_ar', 'indirekt', ['kommun_kod', 'ar']) }}
    left join granskade on {{ lika_kolumner('kommun_ar', 'granskade', ['kommun_kod', 'ar']) }}
    left join utfall on {{ lika_kolumner('kommun_ar', 'utfall', ['kommun_kod', 'ar']) }}
    left join budgeterat on {{ lika_kolumner('kommun_ar', 'budgeterat', ['kommun_kod', 'ar']) }}
)

select * from final
