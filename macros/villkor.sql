{#- The join condition of two relations on the same columns, written once:
    lika_kolumner('a', 'b', ['kommun_kod', 'ar']) is `a.kommun_kod = b.kommun_kod and a.ar = b.ar` (plain equality:
    a NULL key matches nothing, as in a hand-written condition). Portable: plain SQL. -#}
{% macro lika_kolumner(vanster, hoger, kolumner) -%}
    {%- for kolumn in kolumner -%}
        {{ vanster }}.{{ kolumn }} = {{ hoger }}.{{ kolumn }}{{ ' and ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
