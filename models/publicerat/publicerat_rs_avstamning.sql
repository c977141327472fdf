{#- kpb.rs_avstamning as published: what the one rule hides is declared in _publicerat__models.yml (meta
    undertryckning). No person counts: the KPB and ledger amounts of an RS verksamhet are hidden where an insats and
    regi with ledger rows in it is hidden in publicerat.insatskostnad (u_insats_dold, read by meta
    undertryckning.dold_om): an RS verksamhet of one insats would give that cell's cost back. -#}
{%- set siffror = installning('kpb_rs_verksamhet_siffror') %}
{% set kalla %}
select
    r.*,
    d.rs_verksamhet is not null as u_insats_dold
from {{ ref('rs_avstamning') }} as r
left join (
    select distinct
        o.kommun_kod,
        o.ar,
        substring(o.verksamhet, 1, {{ siffror }}) as rs_verksamhet
    from {{ ref('int_kpb_huvudbok_oversatt') }} as o
    inner join {{ ref('publicerat_insatskostnad') }} as i
        on {{ lika_kolumner('o', 'i', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    where o.maltyp = 'insats' and i.is_undertryckt
) as d
    on {{ lika_kolumner('r', 'd', ['kommun_kod', 'ar', 'rs_verksamhet']) }}
{% endset %}
{{ publicera(kalla) }}
