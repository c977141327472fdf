{#- Test helpers of the KPB marts. -#}

{#- Writes the rows a failing KPB test found into the dbt output (not only "Got 3 results"), so that the
    economist sees the code strings and amounts in the build log. Runs the test's own query when the test
    executes (execute is true then and the tested relation has been built); does nothing at parse time or when
    the relation does not exist yet. At most `max_rader` rows are printed; NULL is printed as NULL. -#}
{% macro kpb_visa_avvikelser(sql, rubrik, relation, max_rader=200) %}
    {% if execute and load_relation(relation) is not none %}
        {% set resultat = run_query('select * from (' ~ sql ~ ') as avvikelser limit ' ~ (max_rader + 1)) %}
        {% if resultat.rows | length > 0 %}
            {% set rader = [rubrik, '    ' ~ (resultat.column_names | join(' | '))] %}
            {% for rad in resultat.rows[:max_rader] %}
                {% set varden = [] %}
                {% for varde in rad.values() %}
                    {% do varden.append('NULL' if varde is none else varde | string) %}
                {% endfor %}
                {% do rader.append('    ' ~ (varden | join(' | '))) %}
            {% endfor %}
            {% if resultat.rows | length > max_rader %}
                {% do rader.append('    ... (more rows: run the test query with dbt show)') %}
            {% endif %}
            {{ log(rader | join('\n'), info=True) }}
        {% endif %}
    {% endif %}
{% endmacro %}
