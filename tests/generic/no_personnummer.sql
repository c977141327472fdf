{#- No value of the column looks like a personnummer (twelve digits YYYYMMDDNNNN starting 19/20, optional '-',
    not part of a longer digit run). Guards relations that carry raw values, such as staging.karantan. -#}
{% test no_personnummer(model, column_name) %}

select {{ column_name }}
from {{ model }}
where {{ regex_full_match(column_name, '.*(^|[^0-9])(19|20)[0-9]{6}-?[0-9]{4}([^0-9]|$).*') }}

{% endtest %}
