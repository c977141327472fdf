{#- Translation-rule matching (kpb_oversattning): a pattern is '*' (anything, also NULL), a prefix ending in '*'
    ('51*': the value starts with 51) or an exact value. An empty pattern counts as '*'. A NULL value matches only
    '*'. -#}
{% macro kpb_matchar_monster(varde, monster) -%}
    (
        coalesce({{ monster }}, '*') = '*'
        or (
            {{ monster }} like '%*'
            and substr({{ varde }}, 1, length({{ monster }}) - 1) = substr({{ monster }}, 1, length({{ monster }}) - 1)
        )
        or ({{ monster }} not like '%*' and {{ varde }} = {{ monster }})
    )
{%- endmacro %}
