-- indikatorer.sip_kva_moten as published: fewer persons than the threshold hides the quarter; each small count is
-- hidden, and the coverage against SAMSA when either of its counts is small.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        k.*,
        (k.antal_personer > 0 and k.antal_personer < r.t) as liten,
        ((k.antal_samsa_moten > 0 and k.antal_samsa_moten < r.t)
            or (k.antal_samsa_moten_med_kva > 0 and k.antal_samsa_moten_med_kva < r.t)) as liten_tackning,
        r.t
    from indikatorer.sip_kva_moten as k cross join r
)
select
    m.* exclude (liten, liten_tackning, t) replace (
        case when liten or (antal_registreringar > 0 and antal_registreringar < t) then null
            else antal_registreringar end as antal_registreringar,
        case when liten or (antal_moten > 0 and antal_moten < t) then null else antal_moten end as antal_moten,
        case when liten or (antal_dubbletter > 0 and antal_dubbletter < t) then null else antal_dubbletter end
            as antal_dubbletter,
        case when liten then null else antal_personer end as antal_personer,
        case when liten or liten_tackning then null else antal_samsa_moten end as antal_samsa_moten,
        case when liten or liten_tackning then null else antal_samsa_moten_med_kva end as antal_samsa_moten_med_kva,
        case when liten or liten_tackning then null else kva_tackning_procent end as kva_tackning_procent
    ),
    liten as is_undertryckt
from m
order by kommun_kod, kvartal_start
