-- indikatorer.utfall as published, with the catalogue's names and units. On top of utfall's own suppression
-- (is_undertryckt: fewer persons than the threshold), a count or a percentage whose numerator counts fewer than the
-- threshold is hidden too, and no count of persons between 1 and the threshold is shown.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        u.*,
        (u.is_undertryckt
            or (u.antal_personer > 0 and u.antal_personer < r.t)
            or (u.enhet in ('antal', 'procent') and u.taljare > 0 and u.taljare < r.t)) as liten,
        (u.antal_personer > 0 and u.antal_personer < r.t) as liten_personer
    from indikatorer.utfall as u cross join r
)
select
    m.* exclude (liten, liten_personer) replace (
        case when liten then null else varde end as varde,
        case when liten then null else taljare end as taljare,
        case when liten then null else namnare end as namnare,
        case when liten_personer then null else antal_personer end as antal_personer,
        case when liten then null else is_mal_uppfyllt end as is_mal_uppfyllt,
        liten as is_undertryckt
    )
from m
order by indikator_id, kommun_kod, period_typ, period_start, dimension, dimension_varde
