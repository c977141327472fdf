{#- Every non-NULL value lies in [min_value, max_value] (either bound may be left out; inclusive=false makes
    both bounds strict). -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
{%- set under = column_name ~ (' < ' if inclusive else ' <= ') ~ min_value -%}
{%- set over = column_name ~ (' > ' if inclusive else ' >= ') ~ max_value -%}
{%- set villkor = [under if min_value is not none else 'false', over if max_value is not none else 'false'] %}

select {{ column_name }}
from {{ model }}
where
    {{ column_name }} is not null
    and ({{ villkor | join(' or ') }})

{% endtest %}
