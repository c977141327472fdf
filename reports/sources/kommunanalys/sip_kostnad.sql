-- indikatorer.sip_kostnad as published. Fewer persons with a SIP than the threshold hides the year; each small
-- count of persons or plans hides itself and the costs built on it (budget figures are not about persons).
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        s.*,
        (s.antal_personer_med_sip > 0 and s.antal_personer_med_sip < r.t) as liten,
        (s.antal_personer_med_kpb_kostnad > 0 and s.antal_personer_med_kpb_kostnad < r.t) as liten_kpb,
        (s.antal_planer_med_tid > 0 and s.antal_planer_med_tid < r.t) as liten_tid,
        (s.antal_upprattade_planer > 0 and s.antal_upprattade_planer < r.t) as liten_upprattade,
        (s.antal_planer_kompletta_fonster > 0 and s.antal_planer_kompletta_fonster < r.t) as liten_fonster,
        ((s.antal_granskade_planer > 0 and s.antal_granskade_planer < r.t)
            or (s.antal_uppnadda_mal > 0 and s.antal_uppnadda_mal < r.t)) as liten_mal
    from indikatorer.sip_kostnad as s cross join r
)
select
    m.* exclude (liten, liten_kpb, liten_tid, liten_upprattade, liten_fonster, liten_mal) replace (
        case when liten then null else antal_personer_med_sip end as antal_personer_med_sip,
        case when liten or liten_kpb then null else antal_personer_med_kpb_kostnad end as antal_personer_med_kpb_kostnad,
        case when liten or liten_kpb then null else direkt_kostnad end as direkt_kostnad,
        case when liten or liten_kpb then null else direkt_kostnad_per_person end as direkt_kostnad_per_person,
        case when liten or liten_tid then null else admin_minuter end as admin_minuter,
        case when liten or liten_tid then null else admin_kostnad_kommun end as admin_kostnad_kommun,
        case when liten or liten_tid then null else admin_kostnad_region end as admin_kostnad_region,
        case when liten or liten_tid then null else admin_kostnad end as admin_kostnad,
        case when liten or liten_tid then null else antal_planer_med_tid end as antal_planer_med_tid,
        case when liten or liten_tid then null else admin_kostnad_per_plan end as admin_kostnad_per_plan,
        case when liten or liten_kpb or liten_tid then null else kostnad_per_person_med_sip end
            as kostnad_per_person_med_sip,
        case when liten or liten_upprattade then null else antal_upprattade_planer end as antal_upprattade_planer,
        case when liten or liten_fonster then null else antal_planer_kompletta_fonster end
            as antal_planer_kompletta_fonster,
        case when liten or liten_fonster then null else vardagar_fore end as vardagar_fore,
        case when liten or liten_fonster then null else vardagar_efter end as vardagar_efter,
        case when liten or liten_fonster then null else vardagar_forandring end as vardagar_forandring,
        case when liten or liten_fonster then null else akuta_vardagar_fore end as akuta_vardagar_fore,
        case when liten or liten_fonster then null else akuta_vardagar_efter end as akuta_vardagar_efter,
        case when liten or liten_fonster then null else akuta_vardagar_forandring end as akuta_vardagar_forandring,
        case when liten or liten_fonster then null else vardkostnad_fore end as vardkostnad_fore,
        case when liten or liten_fonster then null else vardkostnad_efter end as vardkostnad_efter,
        case when liten or liten_fonster then null else vardkostnad_forandring end as vardkostnad_forandring,
        case when liten or liten_upprattade or liten_tid then null else admin_kostnad_upprattade_planer end
            as admin_kostnad_upprattade_planer,
        case when liten or liten_fonster or liten_upprattade or liten_tid then null
            else akuta_vardagar_forandring_per_tkr end as akuta_vardagar_forandring_per_tkr,
        case when liten or liten_mal then null else antal_granskade_planer end as antal_granskade_planer,
        case when liten or liten_mal then null else antal_uppnadda_mal end as antal_uppnadda_mal,
        case when liten or liten_mal or liten_tid then null else admin_kostnad_granskade_planer end
            as admin_kostnad_granskade_planer,
        case when liten or liten_mal or liten_tid then null else admin_kostnad_per_uppnatt_mal end
            as admin_kostnad_per_uppnatt_mal
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar
