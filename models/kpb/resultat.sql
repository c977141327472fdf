{#- kpb.resultat: what a municipal user costs, and what it achieved — KPB's fourth analysis (resultat), which no
    municipality in the 2007 project could do for lack of outcome data per person. Per municipality and year,
    the users of kpb.brukare are split into groups by outcome, and each group gets its cost (municipal KPB cost,
    SIP coordination, the region's inpatient care) and its outcomes (readmissions, utskrivningsklara days, SIP
    goals met). Person-level rows are in int_kpb_resultat_person. Population: the KPB users (kpb.brukare) and the
    persons with a SIP in force who have no KPB volume (0 kr): antal_brukare counts every person of the group,
    antal_kpb_brukare those of kpb.brukare. So in sip / med, kommun_kostnad_per_brukare is THE cost per person with
    a SIP (persons without municipal insatser count with 0 kr), the same figure as the indicator
    SIP_KOSTNAD_DIREKT.
    Grain: kommun_kod, ar, grupp, grupp_varde. Groups (grupp / grupp_varde):
      alla / alla; sip / med, utan (a SIP in force in the year); aterinskrivning / med, utan (an unplanned
      readmission within 30 days after a discharge in the year); utskrivningsklara_dagar / med, utan (at least one
      utskrivningsklar day on an episode discharged in the year); sip_mal / uppnatt, ej_uppnatt (persons whose plans
      were reviewed in the year with goals assessed: at least one goal met, or none). -#}

with

personer as (
    select * from {{ ref('int_kpb_resultat_person') }}
),

grupperade as (
    select
        personer.*,
        'alla' as grupp,
        'alla' as grupp_varde
    from personer
    union all
    select
        personer.*,
        'sip' as grupp,
        case when has_sip then 'med' else 'utan' end as grupp_varde
    from personer
    union all
    select
        personer.*,
        'aterinskrivning' as grupp,
        case when has_aterinskrivning_30d then 'med' else 'utan' end as grupp_varde
    from personer
    union all
    select
        personer.*,
        'utskrivningsklara_dagar' as grupp,
        case when has_utskrivningsklara_dagar then 'med' else 'utan' end as grupp_varde
    from personer
    union all
    select
        personer.*,
        'sip_mal' as grupp,
        case when antal_uppnadda_mal > 0 then 'uppnatt' else 'ej_uppnatt' end as grupp_varde
    from personer
    where antal_bedomda_mal > 0
),

summerade as (
    select
        kommun_kod,
        ar,
        grupp,
        grupp_varde,
        count(*) as antal_brukare,
        sum(case when is_kpb_brukare then 1 else 0 end) as antal_kpb_brukare,
        sum(case when has_sip then 1 else 0 end) as antal_med_sip,
        sum(kommun_kostnad) as kommun_kostnad,
        sum(sip_admin_kostnad) as sip_admin_kostnad,
        sum(region_vardkostnad) as region_vardkostnad,
        sum(total_kostnad) as total_kostnad,
        sum(vardagar) as vardagar,
        sum(akuta_vardagar) as akuta_vardagar,
        sum(antal_utskrivningar) as antal_utskrivningar,
        sum(antal_aterinskrivningar_30d) as antal_aterinskrivningar_30d,
        sum(utskrivningsklara_dagar) as utskrivningsklara_dagar,
        sum(betalningsbelopp) as betalningsbelopp,
        sum(antal_bedomda_mal) as antal_bedomda_mal,
        sum(antal_uppnadda_mal) as antal_uppnadda_mal,
        sum(case when antal_bedomda_mal > 0 then total_kostnad else 0 end) as total_kostnad_personer_med_mal
    from grupperade
    group by kommun_kod, ar, grupp, grupp_varde
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        cast(grupp as {{ dbt.type_string() }}) as grupp,
        cast(grupp_varde as {{ dbt.type_string() }}) as grupp_varde,
        cast(antal_brukare as bigint) as antal_brukare,
        cast(antal_kpb_brukare as bigint) as antal_kpb_brukare,
        cast(antal_med_sip as bigint) as antal_med_sip,
        cast(kommun_kostnad as decimal(18, 2)) as kommun_kostnad,
        cast(sip_admin_kostnad as decimal(18, 2)) as sip_admin_kostnad,
        cast(region_vardkostnad as decimal(18, 2)) as region_vardkostnad,
        cast(total_kostnad as decimal(18, 2)) as total_kostnad,
        cast({{ kommunanalys.indikator_kvot(
            'kommun_kostnad', 'antal_brukare') }} as decimal(18, 2)) as kommun_kostnad_per_brukare,
        cast({{ kommunanalys.indikator_kvot(
            'total_kostnad', 'antal_brukare') }} as decimal(18, 2)) as total_kostnad_per_brukare,
        cast(vardagar as bigint) as vardagar,
        cast(akuta_vardagar as bigint) as akuta_vardagar,
        cast(antal_utskrivningar as bigint) as antal_utskrivningar,
        cast(antal_aterinskrivningar_30d as bigint) as antal_aterinskrivningar_30d,
        cast({{ kommunanalys.indikator_kvot(
            'antal_aterinskrivningar_30d', 'antal_utskrivningar', 100) }} as decimal(18, 6))
            as andel_aterinskrivningar_procent,
        cast(utskrivningsklara_dagar as bigint) as utskrivningsklara_dagar,
        cast({{ kommunanalys.indikator_kvot('utskrivningsklara_dagar', 'antal_brukare') }} as decimal(18, 6))
            as utskrivningsklara_dagar_per_brukare,
        cast(betalningsbelopp as decimal(18, 2)) as betalningsbelopp,
        cast(antal_bedomda_mal as bigint) as antal_bedomda_mal,
        cast(antal_uppnadda_mal as bigint) as antal_uppnadda_mal,
        cast({{ kommunanalys.indikator_kvot('antal_uppnadda_mal', 'antal_bedomda_mal', 100) }} as decimal(18, 6))
            as andel_uppnadda_mal_procent,
        {#- cost per goal met (issue 22, fix 5): the cost of the persons whose goals were assessed, not of the whole
            group, over the goals met; NULL with the reason when the group has no assessed or no met goal #}
        cast({{ kommunanalys.indikator_kvot(
            'total_kostnad_personer_med_mal', 'antal_uppnadda_mal') }} as decimal(18, 2))
            as total_kostnad_per_uppnatt_mal,
        cast(
            case
                when antal_bedomda_mal = 0 then 'inga bedömda mål i gruppen'
                when antal_uppnadda_mal = 0 then 'inga uppnådda mål i gruppen'
            end as {{ dbt.type_string() }}
        ) as per_uppnatt_mal_saknas_orsak
    from summerade
)

select * from final
{{- radordning() }}
