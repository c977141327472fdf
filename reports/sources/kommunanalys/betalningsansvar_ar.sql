-- Betalningsansvar per municipality, year and vårdform: the sum of indikatorer.betalningsansvar's months, published
-- under the same rule (the persons of a year are counted once, from indikatorer.betalningsansvar_individ).
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
ar as (
    select
        kommun_kod,
        cast(extract(year from manad) as integer) as ar,
        vardform,
        count(distinct person_id) as antal_personer,
        count(distinct vardtillfalle_id) as antal_vardtillfallen,
        count(distinct case when betalningsdagar > 0 then vardtillfalle_id end) as antal_vardtillfallen_med_betalning,
        sum(utskrivningsklara_dagar) as utskrivningsklara_dagar,
        sum(betalningsdagar) as betalningsdagar,
        sum(betalningsbelopp) as betalningsbelopp
    from indikatorer.betalningsansvar_individ
    group by all
),
m as (
    select
        a.*,
        (a.antal_personer > 0 and a.antal_personer < r.t) as liten,
        (a.antal_vardtillfallen_med_betalning > 0 and a.antal_vardtillfallen_med_betalning < r.t) as liten_betalning
    from ar as a cross join r
)
select
    m.* exclude (liten, liten_betalning) replace (
        case when liten then null else antal_personer end as antal_personer,
        case when liten then null else antal_vardtillfallen end as antal_vardtillfallen,
        case when liten or liten_betalning then null else antal_vardtillfallen_med_betalning end
            as antal_vardtillfallen_med_betalning,
        case when liten then null else utskrivningsklara_dagar end as utskrivningsklara_dagar,
        case when liten or liten_betalning then null else betalningsdagar end as betalningsdagar,
        case when liten or liten_betalning then null else betalningsbelopp end as betalningsbelopp
    ),
    liten or liten_betalning as is_undertryckt
from m
order by kommun_kod, ar, vardform
