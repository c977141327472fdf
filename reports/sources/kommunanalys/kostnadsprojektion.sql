-- kpb.kostnadsprojektion as published: projected KPB cost per age band. A band whose base-year KPB cost rests on
-- fewer brukare than the threshold (kpb.konsumtion.antal_brukare) is not projected on the site: its cost per
-- invånare would reveal the few persons' costs.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
sma as (
    select c.kommun_kod, c.ar, c.aldersgrupp
    from kpb.konsumtion as c cross join r
    where c.antal_brukare > 0 and c.antal_brukare < r.t
),
m as (
    select
        p.*,
        exists (select 1 from sma where sma.kommun_kod = p.kommun_kod and sma.ar = p.bas_ar
                and sma.aldersgrupp = p.aldersgrupp) as liten
    from kpb.kostnadsprojektion as p
)
select
    m.* exclude (liten) replace (
        case when liten then null else kostnad_bas end as kostnad_bas,
        case when liten then null else kostnad_per_invanare_bas end as kostnad_per_invanare_bas,
        case when liten then null else projicerad_kostnad end as projicerad_kostnad
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, aldersgrupp
