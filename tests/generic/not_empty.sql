{#- The model has at least one row (use severity warn for optional sources). -#}
{% test not_empty(model) %}

select 1 as is_tom
from (select count(*) as antal from {{ model }}) as raknat
where antal = 0

{% endtest %}
