{#- kpb.nyckelscenarier as published: what the one rule hides is declared in _publicerat__models.yml (meta
    undertryckning). The insats and regi's brukare (kpb.insatskostnad.antal_brukare) is the person count every figure
    of a receiver is built on; a receiver that publicerat.insatskostnad hides is hidden too (u_insats_dold, read by
    meta undertryckning.dold_om): the row repeats its total cost and volume. -#}
{% set kalla %}
select
    n.*,
    i.antal_brukare,
    coalesce(p.is_undertryckt, false) as u_insats_dold
from {{ ref('nyckelscenarier') }} as n
left join {{ ref('insatskostnad') }} as i
    on {{ lika_kolumner('n', 'i', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
left join {{ ref('publicerat_insatskostnad') }} as p
    on {{ lika_kolumner('n', 'p', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
{% endset %}
{{ publicera(kalla) }}
