{#- Generic tests of the indicator area. -#}

{#- the combination of `columns` is unique (NULLs compare as values: a NULL in a key column is its own value) -#}
{% test indikator_unik_kombination(model, columns) %}
    select
        {{ columns | join(', ') }},
        count(*) as antal
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{% endtest %}
