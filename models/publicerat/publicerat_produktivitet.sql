{#- kpb.produktivitet as published: its own figures hidden where publicerat.insatskostnad hides the same
    municipality, year, insats and regi (u_liten); the comparison group's mean where it hides another municipality's
    (u_liten_jamforelse: a mean over few municipalities would give it back). Both are read by meta
    undertryckning.dold_om in _publicerat__models.yml. -#}
{% set kalla %}
select
    p.*,
    coalesce(i.is_undertryckt, false) as u_liten,
    coalesce(d.antal_dolda, 0) - case when coalesce(i.is_undertryckt, false) then 1 else 0 end > 0
        as u_liten_jamforelse
from {{ ref('produktivitet') }} as p
left join {{ ref('publicerat_insatskostnad') }} as i
    on {{ lika_kolumner('p', 'i', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
left join (
    select
        ar,
        insats_kod,
        regi,
        sum(case when is_undertryckt then 1 else 0 end) as antal_dolda
    from {{ ref('publicerat_insatskostnad') }}
    group by ar, insats_kod, regi
) as d
    on {{ lika_kolumner('p', 'd', ['ar', 'insats_kod', 'regi']) }}
{% endset %}
{{ publicera(kalla) }}
