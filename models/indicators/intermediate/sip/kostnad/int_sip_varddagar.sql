{#- Indirect cost: inpatient days (region, stg_region__vardtillfallen) of the plan's person in the window before
    and the window after the plan was established (sip_parametrar.fonster_dagar, 365 = 12 months [I]), and their
    cost at the cost per inpatient day of the establishing year (seed vard_dygnskostnad, status U; constant prices,
    so that the change shows days, not price changes).
    Day counting [I]: an episode's days are its nights, the dates from the admission date up to the day before the
    discharge date (a stay admitted and discharged the same day has 0 days). The stay that triggered the SIP (its
    discharge up to var sip_utlosande_vardtillfalle_dagar (30) days before the establishing date) does not count in
    the before-window (issue 22, fix 5). With U the establishing date and N the
    window, "before" is the dates U − N … U − 1 and "after" U … U + N − 1; an episode straddling a boundary is
    split by day. An episode still open (no discharge) runs to the last date in the extract. is_fore_komplett /
    is_efter_komplett tell whether the extract covers the whole window (the extract covers the dates from its first
    discharge to its last admission or discharge). Grain: sip_id (established plans only). -#}

with

planer as (
    select * from {{ ref('int_sip_planer') }}
),

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

parametrar as (
    select * from {{ ref('sip_parametrar') }}
),

dygnskostnad as (
    select * from {{ ref('vard_dygnskostnad') }}
),

fonster as (
    select cast(max(case when parameter = 'fonster_dagar' then varde end) as integer) as fonster_dagar
    from parametrar
),

{# the span the extract covers completely: an extract holds the episodes discharged from its first discharge date
    on (and those still admitted), so days before the first discharge are only partly there; the earliest
    admission would make a before-window look complete when it is not #}
extraktet as (
    select
        min(cast(utskrivning_tid as date)) as forsta_datum,
        max(cast(coalesce(utskrivning_tid, inskrivning_tid) as date)) as sista_datum
    from vardtillfallen
),

upprattade as (
    select
        planer.sip_id,
        planer.person_id,
        planer.kommun_kod,
        planer.upprattad_datum,
        planer.upprattad_ar,
        cast({{ dbt.dateadd('day', '-fonster.fonster_dagar', 'planer.upprattad_datum') }} as date) as fore_start,
        cast({{ dbt.dateadd('day', 'fonster.fonster_dagar', 'planer.upprattad_datum') }} as date) as efter_slut
    from planer
    cross join fonster
    where planer.upprattad_datum is not null
),

episoder as (
    {{ sip_vardepisoder('vardtillfallen', 'extraktet') | indent(4) }}
),

{# days of each episode inside each window: max(0, min(end) − max(start)) over the half-open intervals
    [in_datum, ut_datum) and [fore_start, upprattad_datum) / [upprattad_datum, efter_slut) #}
overlapp as (
    select
        upprattade.sip_id,
        episoder.vardform,
        episoder.is_akut,
        {#- the stay that triggered the SIP (discharged on or up to var sip_utlosande_vardtillfalle_dagar days
            before the plan was established) is left out of the before-window: with it the comparison would show a
            saving by construction (issue 22, fix 5) [I] #}
        case
            when
                episoder.ut_datum <= upprattade.upprattad_datum
                and episoder.ut_datum >= cast({{ dbt.dateadd(
                    'day', -installning('sip_utlosande_vardtillfalle_dagar'), 'upprattade.upprattad_datum') }} as date)
                then 0
            else greatest(
                0,
                {{ dbt.datediff(
                    'greatest(episoder.in_datum, upprattade.fore_start)',
                    'least(episoder.ut_datum, upprattade.upprattad_datum)',
                    'day') }}
            )
        end as dagar_fore,
        greatest(
            0,
            {{ dbt.datediff(
                'greatest(episoder.in_datum, upprattade.upprattad_datum)',
                'least(episoder.ut_datum, upprattade.efter_slut)',
                'day') }}
        ) as dagar_efter
    from upprattade
    inner join episoder
        on
            upprattade.person_id = episoder.person_id
            and upprattade.efter_slut > episoder.in_datum
            and upprattade.fore_start < episoder.ut_datum
),

{# cost per inpatient day for the establishing year: the latest seed year not after it #}
pris_kandidater as (
    select
        upprattade.sip_id,
        dygnskostnad.vardform,
        dygnskostnad.dygnskostnad,
        row_number() over (
            partition by upprattade.sip_id, dygnskostnad.vardform order by dygnskostnad.ar desc
        ) as rangordning
    from upprattade
    inner join dygnskostnad on upprattade.upprattad_ar >= dygnskostnad.ar
),

overlapp_prissatt as (
    select
        overlapp.sip_id,
        overlapp.is_akut,
        overlapp.dagar_fore,
        overlapp.dagar_efter,
        pris_kandidater.dygnskostnad
    from overlapp
    left join pris_kandidater
        on
            {{ lika_kolumner('overlapp', 'pris_kandidater', ['sip_id', 'vardform']) }}
            and pris_kandidater.rangordning = 1
),

per_plan as (
    select
        sip_id,
        sum(dagar_fore) as vardagar_fore,
        sum(dagar_efter) as vardagar_efter,
        sum(case when is_akut then dagar_fore else 0 end) as akuta_vardagar_fore,
        sum(case when is_akut then dagar_efter else 0 end) as akuta_vardagar_efter,
        sum(dagar_fore * dygnskostnad) as vardkostnad_fore,
        sum(dagar_efter * dygnskostnad) as vardkostnad_efter
    from overlapp_prissatt
    group by sip_id
),

final as (
    select
        upprattade.sip_id,
        upprattade.person_id,
        upprattade.kommun_kod,
        upprattade.upprattad_datum,
        upprattade.upprattad_ar,
        upprattade.fore_start,
        upprattade.efter_slut,
        cast(coalesce(per_plan.vardagar_fore, 0) as integer) as vardagar_fore,
        cast(coalesce(per_plan.vardagar_efter, 0) as integer) as vardagar_efter,
        cast(coalesce(per_plan.vardagar_efter, 0) - coalesce(per_plan.vardagar_fore, 0) as integer)
            as vardagar_forandring,
        cast(coalesce(per_plan.akuta_vardagar_fore, 0) as integer) as akuta_vardagar_fore,
        cast(coalesce(per_plan.akuta_vardagar_efter, 0) as integer) as akuta_vardagar_efter,
        cast(coalesce(per_plan.akuta_vardagar_efter, 0) - coalesce(per_plan.akuta_vardagar_fore, 0) as integer)
            as akuta_vardagar_forandring,
        cast(coalesce(per_plan.vardkostnad_fore, 0) as decimal(18, 2)) as vardkostnad_fore,
        cast(coalesce(per_plan.vardkostnad_efter, 0) as decimal(18, 2)) as vardkostnad_efter,
        cast(coalesce(per_plan.vardkostnad_efter, 0) - coalesce(per_plan.vardkostnad_fore, 0) as decimal(18, 2))
            as vardkostnad_forandring,
        upprattade.fore_start >= extraktet.forsta_datum as is_fore_komplett,
        upprattade.efter_slut <= {{ dbt.dateadd('day', 1, 'extraktet.sista_datum') }} as is_efter_komplett
    from upprattade
    cross join extraktet
    left join per_plan on upprattade.sip_id = per_plan.sip_id
)

select * from final
