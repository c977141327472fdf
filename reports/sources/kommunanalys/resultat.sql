-- kpb.resultat as published. A group with fewer brukare than the threshold shows nothing; within a group, each
-- small count (persons with a SIP, discharges, readmissions, assessed and achieved goals) is hidden together with
-- the shares and costs built on it.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        x.*,
        ((x.antal_brukare > 0 and x.antal_brukare < r.t)
            or (x.antal_kpb_brukare > 0 and x.antal_kpb_brukare < r.t)) as liten,
        (x.antal_med_sip > 0 and x.antal_med_sip < r.t) as liten_sip,
        ((x.antal_utskrivningar > 0 and x.antal_utskrivningar < r.t)
            or (x.antal_aterinskrivningar_30d > 0 and x.antal_aterinskrivningar_30d < r.t)) as liten_ater,
        ((x.antal_bedomda_mal > 0 and x.antal_bedomda_mal < r.t)
            or (x.antal_uppnadda_mal > 0 and x.antal_uppnadda_mal < r.t)) as liten_mal
    from kpb.resultat as x cross join r
)
select
    m.* exclude (liten, liten_sip, liten_ater, liten_mal) replace (
        case when liten then null else antal_brukare end as antal_brukare,
        case when liten then null else antal_kpb_brukare end as antal_kpb_brukare,
        case when liten or liten_sip then null else antal_med_sip end as antal_med_sip,
        case when liten then null else kommun_kostnad end as kommun_kostnad,
        case when liten or liten_sip then null else sip_admin_kostnad end as sip_admin_kostnad,
        case when liten then null else region_vardkostnad end as region_vardkostnad,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else kommun_kostnad_per_brukare end as kommun_kostnad_per_brukare,
        case when liten then null else total_kostnad_per_brukare end as total_kostnad_per_brukare,
        case when liten then null else vardagar end as vardagar,
        case when liten then null else akuta_vardagar end as akuta_vardagar,
        case when liten or liten_ater then null else antal_utskrivningar end as antal_utskrivningar,
        case when liten or liten_ater then null else antal_aterinskrivningar_30d end as antal_aterinskrivningar_30d,
        case when liten or liten_ater then null else andel_aterinskrivningar_procent end as andel_aterinskrivningar_procent,
        case when liten then null else utskrivningsklara_dagar end as utskrivningsklara_dagar,
        case when liten then null else utskrivningsklara_dagar_per_brukare end as utskrivningsklara_dagar_per_brukare,
        case when liten then null else betalningsbelopp end as betalningsbelopp,
        case when liten or liten_mal then null else antal_bedomda_mal end as antal_bedomda_mal,
        case when liten or liten_mal then null else antal_uppnadda_mal end as antal_uppnadda_mal,
        case when liten or liten_mal then null else andel_uppnadda_mal_procent end as andel_uppnadda_mal_procent,
        case when liten or liten_mal then null else total_kostnad_per_uppnatt_mal end as total_kostnad_per_uppnatt_mal
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, grupp, grupp_varde
