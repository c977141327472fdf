{#- Parsing of the Swedish formats in the raw extracts (docs/contract/raw-extracts.md).
    Every macro returns NULL for a value it cannot parse; staging turns a NULL from a non-empty
    cell into a quarantine reason. Dispatched so that another adapter (Spark) can supply its own. -#}

{% macro regex_full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match', 'kommunanalys')(expr, pattern)) }}
{%- endmacro %}
{% macro default__regex_full_match(expr, pattern) -%}
    ({{ expr }} rlike '^{{ pattern }}$')
{%- endmacro %}
{% macro duckdb__regex_full_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{#- true when the text contains a match of the regular expression (no anchors added) -#}
{% macro regex_contains(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_contains', 'kommunanalys')(expr, pattern)) }}
{%- endmacro %}
{% macro default__regex_contains(expr, pattern) -%}
    ({{ expr }} rlike '{{ pattern }}')
{%- endmacro %}
{% macro duckdb__regex_contains(expr, pattern) -%}
    regexp_matches({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{#- cast that gives NULL instead of an error. dbt.safe_cast is a plain cast on dbt-duckdb; DuckDB and Spark (3.2+)
    both have try_cast. -#}
{% macro safe_cast(expr, type) -%}
    {{ return(adapter.dispatch('safe_cast', 'kommunanalys')(expr, type)) }}
{%- endmacro %}
{% macro default__safe_cast(expr, type) -%}
    try_cast({{ expr }} as {{ type }})
{%- endmacro %}

{#- trimmed text, empty string as NULL -#}
{% macro clean_text(expr) -%}
    nullif(trim({{ expr }}), '')
{%- endmacro %}

{#- decimal with decimal comma or point, no thousands separator: '1234,50' -> 1234.50 -#}
{% macro parse_decimal(expr, precision=18, scale=2) -%}
    {%- set with_point = "replace(" ~ kommunanalys.clean_text(expr) ~ ", ',', '.')" -%}
    {{ kommunanalys.safe_cast(with_point, "decimal(" ~ precision ~ "," ~ scale ~ ")") }}
{%- endmacro %}

{% macro parse_integer(expr) -%}
    case when {{ kommunanalys.regex_full_match(kommunanalys.clean_text(expr), '-?[0-9]{1,9}') }}
        then cast({{ kommunanalys.clean_text(expr) }} as integer) end
{%- endmacro %}

{#- J/N, Ja/Nej, 1/0 in any case -> boolean; anything else -> NULL -#}
{% macro parse_bool(expr) -%}
    {%- set t = 'lower(trim(' ~ expr ~ '))' -%}
    case when {{ t }} in ('j', 'ja', '1') then true when {{ t }} in ('n', 'nej', '0') then false end
{%- endmacro %}

{#- YYYY-MM-DD -> date; an impossible date (2024-13-01) -> NULL -#}
{% macro parse_date(expr) -%}
    case when {{ kommunanalys.regex_full_match(kommunanalys.clean_text(expr), '[0-9]{4}-[0-9]{2}-[0-9]{2}') }}
        then {{ kommunanalys.safe_cast(kommunanalys.clean_text(expr), api.Column.translate_type('date')) }} end
{%- endmacro %}

{#- YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS, local time -> timestamp; anything else -> NULL -#}
{% macro parse_timestamp(expr) -%}
    {%- set pattern = '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2})?' -%}
    case when {{ kommunanalys.regex_full_match(kommunanalys.clean_text(expr), pattern) }}
        then {{ kommunanalys.safe_cast(kommunanalys.clean_text(expr), api.Column.translate_type('timestamp')) }} end
{%- endmacro %}

{#- YYYYMM -> first day of the month; an impossible month -> NULL -#}
{% macro parse_period(expr) -%}
    case when {{ kommunanalys.regex_full_match(kommunanalys.clean_text(expr), '[0-9]{6}') }}
        then {{ kommunanalys.safe_cast(
            "substr(" ~ kommunanalys.clean_text(expr) ~ ", 1, 4) || '-' || substr(" ~ kommunanalys.clean_text(expr) ~ ", 5, 2) || '-01'",
            api.Column.translate_type('date')) }} end
{%- endmacro %}

{#- kommun_kod: exactly four digits, kept as text -#}
{% macro is_valid_kommun_kod(expr) -%}
    coalesce({{ kommunanalys.regex_full_match(kommunanalys.clean_text(expr), '[0-9]{4}') }}, false)
{%- endmacro %}
