{#- The span of the data each source model holds (models/publicering/dataperiod.sql): one row per source with
    kalla_system, kalla_tabell, the least value of its first-day expression (as `fran`), the greatest value of its
    last-day expression (as `till`), both cast to `typ` when one is given, and its row count (antal_rader), the rows
    of all sources under union all. kallor: (kalla_system, kalla_tabell, model name, first-day expression, last-day
    expression). -#}
{% macro kallornas_intervall(kallor, fran, till, typ=none) -%}
{%- for system, tabell, modell, forsta, sista in kallor %}
select
    '{{ system }}' as kalla_system,
    '{{ tabell }}' as kalla_tabell,
    {%- if typ %}
    cast(min({{ forsta }}) as {{ typ }}) as {{ fran }},
    cast(max({{ sista }}) as {{ typ }}) as {{ till }},
    {%- else %}
    min({{ forsta }}) as {{ fran }},
    max({{ sista }}) as {{ till }},
    {%- endif %}
    count(*) as antal_rader
from {{ ref(modell) }}
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
{%- endmacro %}
