{#- kpb.enhetskostnad as published: what the one rule hides is declared in _publicerat__models.yml (meta
    undertryckning). The enheter of an insats and regi that publicerat.insatskostnad hides are hidden too (u_insats_dold,
    read by meta undertryckning.dold_om): one enhet alone is its insats and regi, and would give that cell back. -#}
{% set kalla %}
select
    e.*,
    coalesce(i.is_undertryckt, false) as u_insats_dold
from {{ ref('enhetskostnad') }} as e
left join {{ ref('publicerat_insatskostnad') }} as i
    on {{ lika_kolumner('e', 'i', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
{% endset %}
{{ publicera(kalla) }}
