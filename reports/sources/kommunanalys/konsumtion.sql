-- kpb.konsumtion as published: an age band with fewer brukare (or inhabitants) than the threshold shows neither
-- the count nor the costs built on it.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        k.*,
        (k.antal_brukare > 0 and k.antal_brukare < r.t) as liten,
        (k.antal_invanare > 0 and k.antal_invanare < r.t) as liten_invanare,
        -- the breakdown by sex: a side with few brukare hides both sides (one would give the other away)
        ((k.antal_brukare_kvinnor > 0 and k.antal_brukare_kvinnor < r.t)
            or (k.antal_brukare_man > 0 and k.antal_brukare_man < r.t)) as liten_kon
    from kpb.konsumtion as k cross join r
)
select
    m.* exclude (liten, liten_invanare, liten_kon) replace (
        case when liten or liten_kon then null else antal_brukare_kvinnor end as antal_brukare_kvinnor,
        case when liten or liten_kon then null else antal_brukare_man end as antal_brukare_man,
        case when liten or liten_kon then null else kostnad_kvinnor end as kostnad_kvinnor,
        case when liten or liten_kon then null else kostnad_man end as kostnad_man,
        case when liten or liten_kon then null else kostnad_per_invanare_kvinnor end as kostnad_per_invanare_kvinnor,
        case when liten or liten_kon then null else kostnad_per_invanare_man end as kostnad_per_invanare_man,
        case when liten_invanare or liten_kon then null else antal_invanare_kvinnor end as antal_invanare_kvinnor,
        case when liten_invanare or liten_kon then null else antal_invanare_man end as antal_invanare_man,
        case when liten then null else antal_brukare end as antal_brukare,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else kostnad_per_brukare end as kostnad_per_brukare,
        case when liten or liten_invanare then null else kostnad_per_invanare end as kostnad_per_invanare,
        case when liten or liten_invanare then null else andel_brukare_av_invanare end as andel_brukare_av_invanare,
        case when liten_invanare then null else antal_invanare end as antal_invanare
    ),
    liten or liten_invanare or liten_kon as is_undertryckt
from m
order by kommun_kod, ar, aldersgrupp_sortering
