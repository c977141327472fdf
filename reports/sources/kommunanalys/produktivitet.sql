-- kpb.produktivitet as published. An own unit cost built on fewer brukare than the threshold is not shown; the
-- comparison group's mean is not shown when a municipality in it has such a small cell for the same insats and regi
-- (with few municipalities the mean would reveal it). Kolada's figures are public and always shown.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
sma as (
    select i.kommun_kod, i.ar, i.insats_kod, i.regi
    from kpb.insatskostnad as i cross join r
    where i.antal_brukare > 0 and i.antal_brukare < r.t
),
m as (
    select
        p.*,
        exists (select 1 from sma where sma.kommun_kod = p.kommun_kod and sma.ar = p.ar
                and sma.insats_kod = p.insats_kod and sma.regi = p.regi) as liten,
        exists (select 1 from sma where sma.kommun_kod <> p.kommun_kod and sma.ar = p.ar
                and sma.insats_kod = p.insats_kod and sma.regi = p.regi) as liten_jamforelse
    from kpb.produktivitet as p
)
select
    m.* exclude (liten, liten_jamforelse) replace (
        case when liten then null else volym end as volym,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else enhetskostnad end as enhetskostnad,
        case when liten then null else enhetskostnad_direkt end as enhetskostnad_direkt,
        case when liten then null else enhetskostnad_fordelad end as enhetskostnad_fordelad,
        case when liten then null else andel_fordelad end as andel_fordelad,
        case when liten_jamforelse then null else jamforelse_enhetskostnad end as jamforelse_enhetskostnad,
        case when liten_jamforelse then null else jamforelse_enhetskostnad_direkt end as jamforelse_enhetskostnad_direkt,
        case when liten_jamforelse then null else jamforelse_enhetskostnad_fordelad end as jamforelse_enhetskostnad_fordelad
    ),
    liten as is_undertryckt,
    liten_jamforelse as is_jamforelse_undertryckt
from m
order by kommun_kod, ar, insats_kod, regi
