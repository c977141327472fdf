{#- sorterad_lista(uttryck, avgransare, distinct): the group's non-NULL values of uttryck as one text, sorted by
    the value (byte order on both engines) and joined by avgransare; NULL when the group has no value. Used
    wherever a list of ids is aggregated: dbt.listagg's order by is ignored on Spark, so the lists would come out
    in another order. distinct=true lists each value once. Falls back to the DuckDB form when there is no
    `adapter` (sqlfluff's templater). -#}
{% macro sorterad_lista(uttryck, avgransare=', ', distinct=false) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('sorterad_lista', 'kommunanalys')(uttryck, avgransare, distinct)) }}
    {%- else -%}
        {{ return(duckdb__sorterad_lista(uttryck, avgransare, distinct)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__sorterad_lista(uttryck, avgransare=', ', distinct=false) -%}
    string_agg({{ 'distinct ' if distinct }}{{ uttryck }}, '{{ avgransare }}' order by {{ uttryck }})
{%- endmacro %}

{% macro duckdb__sorterad_lista(uttryck, avgransare=', ', distinct=false) -%}
    string_agg({{ 'distinct ' if distinct }}{{ uttryck }}, '{{ avgransare }}' order by {{ uttryck }})
{%- endmacro %}

{% macro spark__sorterad_lista(uttryck, avgransare=', ', distinct=false) -%}
    case when count({{ uttryck }}) > 0 then
        array_join(array_sort({{ 'collect_set' if distinct else 'collect_list' }}({{ uttryck }})), '{{ avgransare }}')
    end
{%- endmacro %}
