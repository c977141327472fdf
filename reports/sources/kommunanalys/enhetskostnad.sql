-- kpb.enhetskostnad as published. Small-cell rule (publicering.publiceringsregler), as for kpb.insatskostnad: an
-- enhet of an insats and regi used by fewer brukare than the threshold (but more than 0) shows no count, volume,
-- cost or unit cost.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select e.*, (e.antal_brukare > 0 and e.antal_brukare < r.t) as liten
    from kpb.enhetskostnad as e cross join r
)
select
    m.* exclude (liten) replace (
        case when liten then null else direkt_kostnad end as direkt_kostnad,
        case when liten then null else fordelad_kostnad end as fordelad_kostnad,
        case when liten then null else total_kostnad end as total_kostnad,
        case when liten then null else volym end as volym,
        case when liten then null else styckkostnad end as styckkostnad,
        case when liten then null else styckkostnad_direkt end as styckkostnad_direkt,
        case when liten then null else antal_brukare end as antal_brukare
    ),
    liten as is_undertryckt
from m
order by kommun_kod, ar, insats_kod, regi, enhet_kod
