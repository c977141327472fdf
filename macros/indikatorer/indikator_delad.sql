{#- Two small helpers for indicator models whose rows are computed once for several indicators or are counts
    (issue 23). -#}

{#- The interface columns of a count from indikator_aggregera's rows (`relation`, a CTE): taljare = the count,
    namnare 1, varde = taljare (the catalogue's convention for counts), antal_personer as aggregated. -#}
{% macro indikator_som_antal(relation) -%}
    select
        kommun_kod,
        period_typ,
        period_start,
        period_slut,
        dimension,
        dimension_varde,
        taljare,
        1 as namnare,
        taljare as varde,
        antal_personer
    from {{ relation }}
{%- endmacro %}

{#- One indicator's rows of an intermediate model that computes several (a column indikator_id with the interface
    columns): the interface of indikator_kolumner for the rows of `indikator_id`. -#}
{% macro indikator_urval(indikator_id, relation) -%}
    {{ indikator_kolumner(indikator_id,
        '(select * from ' ~ relation ~ " where indikator_id = '" ~ indikator_id ~ "') as urval") }}
{%- endmacro %}
