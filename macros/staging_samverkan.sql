{#- The base models of the samverkan group's optional sources (issue 23), for the unions of staging.karantan and
    staging.radavstamning (the same shape as staging_basmodeller() of macros/staging.sql, whose list they extend;
    kept apart while that file is being refactored). -#}
{% macro samverkan_basmodeller() -%}
    {{ return([
        {'system': 'avvikelser', 'tabell': 'avvikelser', 'modell': 'base_avvikelser__avvikelser'},
        {'system': 'primarvard', 'tabell': 'kontakter', 'modell': 'base_primarvard__kontakter'},
        {'system': 'nationell_enkat', 'tabell': 'andelar', 'modell': 'base_nationell_enkat__andelar'},
    ]) }}
{%- endmacro %}

{#- `union all` and the rows of samverkan_basmodeller()'s base models, to follow staging_basunion() (same arguments)
    in staging.karantan and staging.radavstamning. -#}
{% macro samverkan_basunion(kolumner, villkor=none) -%}
    {%- set delar = [] -%}
    {%- for m in samverkan_basmodeller() -%}
        {%- do delar.append('\n\n    union all\n\n    ' ~ staging_basrader(m, kolumner)
            ~ ('\n    where ' ~ villkor if villkor else '')) -%}
    {%- endfor %}
    {{- return(delar | join('')) }}
{%- endmacro %}
