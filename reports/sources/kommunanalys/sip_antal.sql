-- indikatorer.sip_antal as published: every count of SIPs (started, established, followed up, ended, open) below
-- the threshold is hidden, per municipality, quarter and unit.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler)
select
    s.* replace (
        case when s.antal_startade > 0 and s.antal_startade < r.t then null else s.antal_startade end as antal_startade,
        case when s.antal_upprattade > 0 and s.antal_upprattade < r.t then null else s.antal_upprattade end
            as antal_upprattade,
        case when s.antal_uppfoljda > 0 and s.antal_uppfoljda < r.t then null else s.antal_uppfoljda end
            as antal_uppfoljda,
        case when s.antal_avslutade > 0 and s.antal_avslutade < r.t then null else s.antal_avslutade end
            as antal_avslutade,
        case when s.antal_oppna > 0 and s.antal_oppna < r.t then null else s.antal_oppna end as antal_oppna
    ),
    ((s.antal_startade > 0 and s.antal_startade < r.t) or (s.antal_upprattade > 0 and s.antal_upprattade < r.t)
        or (s.antal_uppfoljda > 0 and s.antal_uppfoljda < r.t) or (s.antal_avslutade > 0 and s.antal_avslutade < r.t)
        or (s.antal_oppna > 0 and s.antal_oppna < r.t)) as is_undertryckt
from indikatorer.sip_antal as s cross join r
order by s.kommun_kod, s.kvartal_start, s.dimension, s.dimension_varde
