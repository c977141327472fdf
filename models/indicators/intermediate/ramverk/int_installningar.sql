{#- The parameters this build ran with (macros/installningar.sql): one row per parameter, its effective value and its
    default as JSON text, and whether --vars or dbt_project.yml changed it. For reviewers and for the export's
    manifest (e.g. the suppression threshold undertryck_min_personer). -#}

with

installningar as (
    {%- for namn, standard in installning_standardvarden() | dictsort %}
        select
            cast('{{ namn }}' as {{ dbt.type_string() }}) as namn,
            cast('{{ installning(namn) | tojson | replace("'", "''") }}' as {{ dbt.type_string() }}) as varde,
            cast('{{ standard | tojson | replace("'", "''") }}' as {{ dbt.type_string() }}) as standardvarde,
            {{ 'true' if installning(namn) != standard else 'false' }} as is_andrad
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from installningar
