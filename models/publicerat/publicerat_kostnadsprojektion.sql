{#- kpb.kostnadsprojektion as published: what the one rule hides is declared in _publicerat__models.yml (meta
    undertryckning). The base year repeats kpb.konsumtion's band: its cost (and the projection built on it) is hidden
    where publicerat.konsumtion hides the band's cost (u_kostnad_dold), its inhabitants where it hides those
    (u_invanare_dold); both read by meta undertryckning.dold_om. -#}
{% set kalla %}
select
    p.*,
    coalesce(k.total_kostnad is null and p.kostnad_bas is not null, false) as u_kostnad_dold,
    coalesce(k.antal_invanare is null and p.antal_invanare_bas is not null, false) as u_invanare_dold
from {{ ref('kostnadsprojektion') }} as p
left join {{ ref('publicerat_konsumtion') }} as k
    on
        p.kommun_kod = k.kommun_kod
        and p.bas_ar = k.ar
        and p.aldersgrupp = k.aldersgrupp
{% endset %}
{{ publicera(kalla) }}
