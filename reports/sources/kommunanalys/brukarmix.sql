-- kpb.brukarmix as published. A cost interval with fewer brukare than the threshold shows no count, share or cost;
-- the split ordinärt / särskilt boende is hidden when either part is small (one would give away the other).
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        b.*,
        (b.antal_brukare > 0 and b.antal_brukare < r.t) as liten,
        ((b.antal_ordinart_boende > 0 and b.antal_ordinart_boende < r.t)
            or (b.antal_sarskilt_boende > 0 and b.antal_sarskilt_boende < r.t)) as liten_boende,
        (b.antal_ytterfall > 0 and b.antal_ytterfall < r.t) as liten_ytterfall,
        ((b.antal_kvinnor > 0 and b.antal_kvinnor < r.t) or (b.antal_man > 0 and b.antal_man < r.t)) as liten_kon
    from kpb.brukarmix as b cross join r
)
select
    m.* exclude (liten, liten_boende, liten_ytterfall, liten_kon) replace (
        case when liten or liten_kon then null else antal_kvinnor end as antal_kvinnor,
        case when liten or liten_kon then null else antal_man end as antal_man,
        case when liten or liten_kon then null else kostnad_kvinnor end as kostnad_kvinnor,
        case when liten or liten_kon then null else kostnad_man end as kostnad_man,
        case when liten then null else antal_brukare end as antal_brukare,
        case when liten then null else andel_brukare end as andel_brukare,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else andel_kostnad end as andel_kostnad,
        case when liten or liten_boende then null else antal_ordinart_boende end as antal_ordinart_boende,
        case when liten or liten_boende then null else antal_sarskilt_boende end as antal_sarskilt_boende,
        case when liten or liten_ytterfall then null else antal_ytterfall end as antal_ytterfall
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, verksamhetsomrade, kostnadsintervall_sortering
