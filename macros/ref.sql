{#-
    ref() as dbt's, except that a VIEW refers to other relations without the catalog (database) name.

    DuckDB names a database file's catalog after the file's stem, and dbt writes it into every reference
    ("kommunanalys"."staging"."base_..."). A view stores that text, so a copy of the database under another file
    name, or a BI tool that ATTACHes it under another alias, fails on every view. DuckDB binds a view's schema-
    qualified references in the view's own catalog, so dropping the catalog makes the views portable. Tables are
    materialised when built and are unaffected; other nodes (tests, tables) keep dbt's full name.
-#}
{% macro ref() %}
    {%- set version = kwargs.get('version') or kwargs.get('v') -%}
    {%- if varargs | length == 1 -%}
        {%- set rel = builtins.ref(varargs[0], version=version) -%}
    {%- else -%}
        {%- set rel = builtins.ref(varargs[0], varargs[1], version=version) -%}
    {%- endif -%}
    {%- if config.get('materialized') == 'view' and rel.include is defined -%}
        {%- do return(rel.include(database=False)) -%}
    {%- endif -%}
    {%- do return(rel) -%}
{% endmacro %}
