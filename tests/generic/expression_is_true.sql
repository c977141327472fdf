{#- Every row satisfies the SQL expression (an arithmetic identity such as raw = used + quarantined). -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not ({{ expression }})

{% endtest %}
