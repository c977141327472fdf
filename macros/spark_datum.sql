{#- dbt.dateadd on Spark (issue 13). dbt-spark's own spark__dateadd goes through to_unix_timestamp / to_timestamp of
    epoch seconds, which returns NULL for the naive timestamps (TIMESTAMP_NTZ) the project's session uses, and
    which depends on the session time zone. Spark's timestampadd (3.3+) adds calendar units directly: a month added
    to 31 January is the last day of February, as on DuckDB; the result is a naive timestamp, as DuckDB's. The root project's macro wins dbt's dispatch. -#}
{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    cast(timestampadd({{ datepart | upper }}, cast({{ interval }} as int), {{ from_date_or_timestamp }}) as timestamp_ntz)
{%- endmacro %}
