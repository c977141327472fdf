{#- Betalningsansvar per municipality, year and vårdform: the months of indikatorer.betalningsansvar_individ summed
    (a person and an episode counted once a year), then published under the one rule (meta undertryckning). -#}
{% set kalla %}
select
    kommun_kod,
    cast(extract(year from manad) as integer) as ar,
    vardform,
    count(distinct person_id) as antal_personer,
    count(distinct vardtillfalle_id) as antal_vardtillfallen,
    count(distinct case when betalningsdagar > 0 then vardtillfalle_id end) as antal_vardtillfallen_med_betalning,
    cast(sum(utskrivningsklara_dagar) as {{ dbt.type_bigint() }}) as utskrivningsklara_dagar,
    cast(sum(betalningsdagar) as {{ dbt.type_bigint() }}) as betalningsdagar,
    cast(sum(betalningsbelopp) as decimal(18, 2)) as betalningsbelopp
from {{ ref('betalningsansvar_individ') }}
group by kommun_kod, cast(extract(year from manad) as integer), vardform
{% endset %}
{{ publicera(kalla) }}
