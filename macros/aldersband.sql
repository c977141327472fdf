{#- Rows with an age summed per municipality, year and age band, written once: the band of a row is the row of
    `band` (a seed or CTE with alder_fran, alder_till and the band's name in `bandkolumn`) whose closed interval
    [alder_fran, alder_till] holds the row's `alder`; a row outside every band is left out (inner join). `rader`
    has kommun_kod, ar and alder; `matt` lists (aggregate expression, alias). Used for the population and the
    events per band (kpb.konsumtion, kpb.kostnadsprojektion, the age-standardised rates). Portable: plain SQL. -#}
{% macro per_aldersband(rader, band, bandkolumn, matt) -%}
select
    {{ rader }}.kommun_kod,
    {{ rader }}.ar,
    {{ band }}.{{ bandkolumn }},
    {%- for uttryck, alias in matt %}
    {{ uttryck }} as {{ alias }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ rader }}
inner join {{ band }}
    on {{ rader }}.alder between {{ band }}.alder_fran and {{ band }}.alder_till
group by {{ rader }}.kommun_kod, {{ rader }}.ar, {{ band }}.{{ bandkolumn }}
{%- endmacro %}
