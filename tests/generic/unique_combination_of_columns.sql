{#- The combination of the given columns is unique: a model's key when it has no single-column key. Named and shaped
    as the ecosystem's tools expect (dbt_utils.unique_combination_of_columns, argument combination_of_columns), so dbt
    fills the manifest's primary_key from it and dbt-score / dbt-bouncer / dbt_project_evaluator read it. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as antal
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1

{% endtest %}
