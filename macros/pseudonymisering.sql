{#- Pseudonymisation: personnummer -> person_id with a keyed hash.

    The key never appears in SQL, compiled files or logs: the dbt-duckdb plugin kommunanalys.dbt_plugin reads it
    from the environment variable DBT_ENV_SECRET_KOMMUNANALYS_KEY (dbt scrubs DBT_ENV_SECRET_* values from its
    logs) and sets it as a connection variable that the SQL reads with getvariable(). Without a key the plugin sets
    the documented demo key, and assert_pseudonym_key() refuses to build unless the raw folder is the synthetic
    demo (it holds the marker file the generator writes).

    person_id = the first 16 hex digits of sha256(key || '|' || normalised personnummer), with the digits 0-9
    written as the letters g-p, so that a person_id never contains a run of digits that looks like a
    personnummer (64 bits; collisions are negligible at national scale). -#}

{% macro pseudonym(pnr_normalized) -%}
    {{ return(adapter.dispatch('pseudonym', 'kommunanalys')(pnr_normalized)) }}
{%- endmacro %}

{#- Spark: the same hash; the key is the session variable that python/kommunanalys/spark.py sets with a bound
    parameter (as the DuckDB plugin sets the DuckDB variable) -#}
{% macro spark__pseudonym(pnr_normalized) -%}
    translate(substr(sha2(concat(system.session.kommunanalys_pseudonym_key, '|', {{ pnr_normalized }}), 256), 1, 16),
        '0123456789', 'ghijklmnop')
{%- endmacro %}

{% macro duckdb__pseudonym(pnr_normalized) -%}
    translate(substr(sha256(getvariable('kommunanalys_pseudonym_key') || '|' || {{ pnr_normalized }}), 1, 16),
        '0123456789', 'ghijklmnop')
{%- endmacro %}

{% macro synthetic_marker_file() -%}
    {{ return(kommunanalys.raw_root() ~ '/_syntetiska_data.json') }}
{%- endmacro %}

{#- true / false: is the key the demo key; none when nothing has set the key (no plugin, no prepared session) -#}
{% macro pseudonym_nyckel_ar_demo() %}
    {{ return(adapter.dispatch('pseudonym_nyckel_ar_demo', 'kommunanalys')()) }}
{% endmacro %}

{% macro duckdb__pseudonym_nyckel_ar_demo() %}
    {{ return(run_query("select getvariable('kommunanalys_key_is_demo')").columns[0].values()[0]) }}
{% endmacro %}

{#- Spark: the session is prepared when its functions are registered (they are set together with the key) -#}
{% macro spark__pseudonym_nyckel_ar_demo() %}
    {% if run_query("show user functions like 'kommunanalys_syntetisk'").rows | length == 0 %}
        {{ return(none) }}
    {% endif %}
    {{ return(run_query("select system.session.kommunanalys_key_is_demo").columns[0].values()[0]) }}
{% endmacro %}

{% macro default__pseudonym_nyckel_ar_demo() %}
    {{ exceptions.raise_compiler_error("No pseudonymisation for the adapter " ~ target.type
        ~ ": only DuckDB and Spark are supported (macros/pseudonymisering.sql).") }}
{% endmacro %}

{#- On every adapter: the key is set, and the demo key only on the synthetic demo data -#}
{% macro assert_pseudonym_key() %}
    {% if execute %}
        {% set is_demo = kommunanalys.pseudonym_nyckel_ar_demo() %}
        {% if is_demo is none %}
            {{ exceptions.raise_compiler_error(
                "The pseudonymisation key is not set: on DuckDB profiles.yml must list the plugin "
                ~ "kommunanalys.dbt_plugin and the kommunanalys package must be installed (pip install -e .); on Spark "
                ~ "the session must be the project's (build through the runner or the tests, which call "
                ~ "kommunanalys.spark.session(); README, \"Spark\").") }}
        {% endif %}
        {% if is_demo %}
            {% set avvikelse = run_query("select kommunanalys_syntetisk('" ~ kommunanalys.raw_root() ~ "')").columns[0].values()[0] %}
            {% if avvikelse %}
                {{ exceptions.raise_compiler_error(
                    "No pseudonymisation key, and the raw folder is not the synthetic demo: " ~ avvikelse
                    ~ ". The documented demo key may be used only on files the generator wrote (listed with their "
                    ~ "hashes in _syntetiska_data.json). Set the environment variable DBT_ENV_SECRET_KOMMUNANALYS_KEY "
                    ~ "to your organisation's secret key and run again.") }}
            {% endif %}
        {% endif %}
    {% endif %}
{% endmacro %}
