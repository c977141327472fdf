-- kpb.kolada_export as published: the municipality's KPB results in Kolada's shape. A value whose smallest regi has
-- fewer brukare than the threshold is not shown (as the unit costs in produktivitet.sql).
with r as (select undertryck_min_personer as t from publicering.publiceringsregler)
select
    k.* exclude (value, antal_brukare_minsta_regi),
    case when k.antal_brukare_minsta_regi < r.t then null else k.value end as value,
    k.antal_brukare_minsta_regi < r.t as is_undertryckt
from kpb.kolada_export as k
cross join r
order by k.municipality, k.period, k.kpi
