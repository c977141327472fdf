-- kpb.nyckelscenarier as published: the what-if of the allocation keys. Unit costs of an insats and regi built on
-- fewer brukare than the threshold are not shown (as in produktivitet.sql: the unit cost and the cost of a small
-- group would reveal a person's cost); the pool-level amounts are sums over several insatser and are shown.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
sma as (
    select i.kommun_kod, i.ar, i.insats_kod, i.regi
    from kpb.insatskostnad as i cross join r
    where i.antal_brukare > 0 and i.antal_brukare < r.t
),
m as (
    select
        n.*,
        exists (select 1 from sma where sma.kommun_kod = n.kommun_kod and sma.ar = n.ar
                and sma.insats_kod = n.insats_kod and sma.regi = n.regi) as liten
    from kpb.nyckelscenarier as n
)
select
    m.* exclude (liten) replace (
        case when liten then null else volym end as volym,
        case when liten then null else fordelad_kostnad_konfigurerad end as fordelad_kostnad_konfigurerad,
        case when liten then null else fordelad_kostnad_scenario end as fordelad_kostnad_scenario,
        case when liten then null else total_kostnad_konfigurerad end as total_kostnad_konfigurerad,
        case when liten then null else total_kostnad_scenario end as total_kostnad_scenario,
        case when liten then null else enhetskostnad_konfigurerad end as enhetskostnad_konfigurerad,
        case when liten then null else enhetskostnad_scenario end as enhetskostnad_scenario
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, pool_id, nyckel, insats_kod, regi
