{#-
    Relations land in the schema named in their config (kpb, indikatorer, staging, konfig ...), not in
    <target schema>_<custom schema>, so that a BI user sees kpb.insatskostnad. Models without a custom schema
    go to the target schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
