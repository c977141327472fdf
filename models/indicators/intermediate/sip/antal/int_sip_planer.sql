{#- One row per SIP (sip_id) from SAMSA's status events: when it was started, established, followed up and closed,
    the form of the establishing meeting and the units that took part. Feeds the public mart indikatorer.sip. -#}

with

handelser as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

per_plan as (
    select
        sip_id,
        min(person_id) as person_id,
        min(kommun_kod) as kommun_kod,
        min(case when handelse = 'startad' then handelse_tid end) as startad_tid,
        min(case when handelse = 'upprattad' then handelse_tid end) as upprattad_tid,
        count(distinct case when handelse = 'uppfoljd' then handelse_tid end) as antal_uppfoljningar,
        max(case when handelse = 'uppfoljd' then handelse_tid end) as senaste_uppfoljning_tid,
        min(case when handelse = 'avslutad' then handelse_tid end) as avslutad_tid,
        count(distinct enhet_id) as antal_enheter,
        {{ dbt.bool_or("enhet_typ = 'kommun'") }} as has_kommun,
        {{ dbt.bool_or("enhet_typ = 'primarvard'") }} as has_primarvard,
        {{ dbt.bool_or("enhet_typ = 'psykiatri'") }} as has_psykiatri,
        {{ dbt.bool_or("enhet_typ = 'slutenvard'") }} as has_slutenvard,
        {{ dbt.bool_or("enhet_typ = 'ovrig'") }} as has_ovrig,
        min(halsovalsenhet) as halsovalsenhet,
        min(klinik) as klinik
    from handelser
    group by sip_id
),

{# several units may be registered on the establishing event: the first form in alphabetical order decides when
    they disagree (deterministic) #}
upprattande_mote as (
    select
        handelser.sip_id,
        min(handelser.motesform) as upprattad_motesform
    from handelser
    inner join per_plan
        on
            handelser.sip_id = per_plan.sip_id
            and handelser.handelse_tid = per_plan.upprattad_tid
    where handelser.handelse = 'upprattad'
    group by handelser.sip_id
),

plan_enheter as (
    select distinct
        sip_id,
        enhet_id
    from handelser
    where enhet_id is not null
),

enhetslista as (
    select
        sip_id,
        {{ sorterad_lista('enhet_id') }} as enheter
    from plan_enheter
    group by sip_id
),

final as (
    select
        per_plan.sip_id,
        per_plan.person_id,
        per_plan.kommun_kod,
        per_plan.startad_tid,
        per_plan.upprattad_tid,
        cast(per_plan.upprattad_tid as date) as upprattad_datum,
        cast(extract(year from per_plan.upprattad_tid) as integer) as upprattad_ar,
        cast(per_plan.antal_uppfoljningar as integer) as antal_uppfoljningar,
        per_plan.senaste_uppfoljning_tid,
        per_plan.avslutad_tid,
        upprattande_mote.upprattad_motesform,
        case
            when per_plan.avslutad_tid is not null then 'avslutad'
            when per_plan.antal_uppfoljningar > 0 then 'uppfoljd'
            when per_plan.upprattad_tid is not null then 'upprattad'
            else 'startad'
        end as sip_status,
        cast(per_plan.antal_enheter as integer) as antal_enheter,
        enhetslista.enheter,
        per_plan.has_kommun,
        per_plan.has_primarvard,
        per_plan.has_psykiatri,
        per_plan.has_slutenvard,
        per_plan.has_ovrig,
        per_plan.halsovalsenhet,
        per_plan.klinik
    from per_plan
    left join upprattande_mote on per_plan.sip_id = upprattande_mote.sip_id
    left join enhetslista on per_plan.sip_id = enhetslista.sip_id
)

select * from final
