{#- `order by` the model's primary key, so that a mart is written in a defined row order and two builds give the
    same table row for row (issue 9 §6). The key is the one the model's YAML declares, written once there (the
    primary_key constraint, or the unique_combination_of_columns test: the key test_struktur requires, see
    radordning_nyckel); `nyckel` (a list of columns) only for a model without one. A model that calls it without any key stops the build. Nothing is emitted while dbt parses
    (the YAML is not attached to the node yet), in a unit test (its rows are compared as a set) or when sqlfluff
    lints (no `model`).
    Usage, the model's last line (the `-` keeps the file's single trailing newline when nothing is emitted):
        select * from final
        {{- radordning() }} -#}
{% macro radordning(nyckel=none) -%}
    {%- set kolumner = nyckel if nyckel is not none else radordning_nyckel() -%}
    {%- if kolumner %}
order by {{ kolumner | join(', ') }}
    {%- elif execute is defined and execute and model.get('resource_type') == 'model' -%}
        {{ exceptions.raise_compiler_error(
            "radordning(): " ~ model.name ~ " declares no primary key; give radordning(['kolumn', ...])") }}
    {%- endif -%}
{%- endmacro %}

{#- The primary key the model's YAML declares, as a list of columns in the order written there: the model's
    primary_key constraint, else the column with a primary_key constraint, else dbt's primary_key of the node (from
    the unique_combination_of_columns test; dbt sorts it by name). Empty while parsing, or without `model`. -#}
{% macro radordning_nyckel() -%}
    {%- set kolumner = [] -%}
    {%- if model is defined and model is mapping -%}
        {%- for villkor in model.get('constraints', []) if villkor.get('type') == 'primary_key' -%}
            {%- do kolumner.extend(villkor.get('columns', [])) -%}
        {%- endfor -%}
        {%- for kolumn in (model.get('columns') or {}).values() if not kolumner -%}
            {%- for villkor in kolumn.get('constraints', []) if villkor.get('type') == 'primary_key' -%}
                {%- do kolumner.append(kolumn.get('name')) -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- if not kolumner -%}
            {%- do kolumner.extend(model.get('primary_key') or []) -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(kolumner) }}
{%- endmacro %}
