-- kpb.avstamning as published (municipal totals; the brukare total is hidden only if a municipality had fewer
-- brukare than the threshold). The translation coverage page reads it by maltyp.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select a.*, (a.antal_brukare > 0 and a.antal_brukare < r.t) as liten
    from kpb.avstamning as a cross join r
)
select
    m.* exclude (liten) replace (
        case when liten then null else antal_brukare end as antal_brukare,
        case when liten then null else brukar_total end as brukar_total
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar
