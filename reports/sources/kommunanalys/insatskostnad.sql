-- kpb.insatskostnad as published. Small-cell rule (publicering.publiceringsregler): an insats and regi used by
-- fewer brukare than the threshold (but more than 0) shows no count, volume, cost or unit cost.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select i.*, (i.antal_brukare > 0 and i.antal_brukare < r.t) as liten
    from kpb.insatskostnad as i cross join r
)
select
    m.* exclude (liten) replace (
        case when liten then null else direkt_kostnad end as direkt_kostnad,
        case when liten then null else fordelad_kostnad end as fordelad_kostnad,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else volym end as volym,
        case when liten then null else volym_beviljad end as volym_beviljad,
        case when liten then null else volym_utford end as volym_utford,
        case when liten then null else enhetskostnad end as enhetskostnad,
        case when liten then null else enhetskostnad_direkt end as enhetskostnad_direkt,
        case when liten then null else enhetskostnad_fordelad end as enhetskostnad_fordelad,
        case when liten then null else enhetskostnad_beviljad end as enhetskostnad_beviljad,
        case when liten then null else enhetskostnad_utford end as enhetskostnad_utford,
        case when liten then null else antal_brukare end as antal_brukare
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, insats_kod, regi
