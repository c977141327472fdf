{#- kpb.kolada_export as published: what the one rule hides is declared in _publicerat__models.yml (meta
    undertryckning). A value is hidden where publicerat.insatskostnad hides a regi behind it (u_insats_dold, read by
    meta undertryckning.dold_om): a unit cost over one or both regi would give that cell's figures back. kommun_kod repeats municipality under the project's name (a municipality's package selects
    its rows by it). -#}
{% set kalla %}
select
    k.*,
    k.municipality as kommun_kod,
    coalesce(d.is_dold, false) as u_insats_dold
from {{ ref('kolada_export') }} as k
left join (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        is_undertryckt as is_dold
    from {{ ref('publicerat_insatskostnad') }}
    union all
    select
        kommun_kod,
        ar,
        insats_kod,
        '*' as regi,
        max(case when is_undertryckt then 1 else 0 end) = 1 as is_dold
    from {{ ref('publicerat_insatskostnad') }}
    group by kommun_kod, ar, insats_kod
) as d
    on
        k.municipality = d.kommun_kod
        and k.period = d.ar
        and k.insats_kod = d.insats_kod
        and k.regi = d.regi
{% endset %}
{{ publicera(kalla) }}
