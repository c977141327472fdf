{#- kpb.produktivitet as published: its own figures hidden where publicerat.insatskostnad hides the same
    municipality, year, insats and regi; the comparison group's mean where it hides another municipality's (u_liten,
    u_liten_jamforelse are read by meta undertryckning.dold_om). -#}
{% set kalla %}
select
    p.*,
    coalesce(i.is_undertryckt, false) as u_liten,
    exists (
        select 1
        from {{ ref('publicerat_insatskostnad') }} as o
        where o.is_undertryckt and o.kommun_kod <> p.kommun_kod and o.ar = p.ar
            and o.insats_kod = p.insats_kod and o.regi = p.regi
    ) as u_liten_jamforelse
from {{ ref('produktivitet') }} as p
left join {{ ref('publicerat_insatskostnad') }} as i
    on p.kommun_kod = i.kommun_kod and p.ar = i.ar and p.insats_kod = i.insats_kod and p.regi = i.regi
{% endset %}
{{ publicera(kalla) }}
