{#- The combination of the given columns is unique (the model's key when it has no single-column key). -#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as antal
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
