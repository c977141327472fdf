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

{#- True when the pattern `bred` matches every value the pattern `smal` matches (so a rule with `bred` in this
    dimension matches every ledger row that a rule with `smal` matches): `bred` is '*' or empty, or equal to
    `smal`, or a prefix pattern ('51*') whose prefix starts `smal` (an exact value or a longer prefix). Used by the
    check that a broader translation rule does not silently shadow a narrower one. -#}
{% macro kpb_monster_tacker(bred, smal) -%}
    (
        coalesce({{ bred }}, '*') = '*'
        or coalesce({{ bred }}, '*') = coalesce({{ smal }}, '*')
        or (
            {{ bred }} like '%*'
            and coalesce({{ smal }}, '*') <> '*'
            and length(replace({{ smal }}, '*', '')) >= length({{ bred }}) - 1
            and substr({{ smal }}, 1, length({{ bred }}) - 1) = substr({{ bred }}, 1, length({{ bred }}) - 1)
        )
    )
{%- endmacro %}
