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

{#- the line of a seed row in its file as loaded (header = line 1), for a test's message. DuckDB keeps the load
    order (row_number() over ()); Spark needs an order: monotonically_increasing_id() follows the load order of a
    seed (one insert per batch, read back in order), which is what a message needs, not a guarantee. -#}
{% macro seed_radnummer() -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('seed_radnummer', 'kommunanalys')()) }}
    {%- else -%}
        {{ return(duckdb__seed_radnummer()) }}
    {%- endif -%}
{%- endmacro %}
{% macro default__seed_radnummer() -%}(row_number() over (order by monotonically_increasing_id()) + 1){%- endmacro %}
{% macro duckdb__seed_radnummer() -%}(row_number() over () + 1){%- endmacro %}

{#- The body of a translation test (tests/kpb/kpb_oversattning_*): the ledger's code strings that
    int_kpb_huvudbok_oversatt gave the target `maltyp` (omappad, tvetydig), with `extra` columns, their rows and
    amounts; printed in the log under `rubrik` (kpb_visa_avvikelser) and returned, so the test fails on any. -#}
{% macro kpb_oversattning_avvikelser(maltyp, rubrik, extra=[]) %}
{%- set kolumner = ['kommun_kod', 'ar', 'konto', 'ansvar', 'verksamhet', 'aktivitet', 'projekt', 'motpart'] -%}
{%- set avvikelser %}
select
    {%- for kolumn in kolumner + extra %}
    {{ kolumn }},
    {%- endfor %}
    count(*) as antal_rader,
    sum(belopp) as belopp
from {{ ref('int_kpb_huvudbok_oversatt') }}
where maltyp = '{{ maltyp }}'
group by {{ (kolumner + extra) | join(', ') }}
order by {{ kolumner | join(', ') }}
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, rubrik, ref('int_kpb_huvudbok_oversatt')) }}
{{ avvikelser }}
{% endmacro %}

{#- The body of a KPB test on the rows of one relation (tests/kpb/kpb_enhetskostnad_negativ and the like): the
    rows of `relation` meeting `villkor` (a SQL condition), with the columns `kolumner` (SQL select items),
    optionally ordered by `ordning`; printed in the log under `rubrik` (kpb_visa_avvikelser) and returned, so the
    test fails on any. -#}
{% macro kpb_avvikande_rader(relation, kolumner, villkor, rubrik, ordning=none) %}
{%- set avvikelser %}
select
    {%- for kolumn in kolumner %}
    {{ kolumn }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ relation }}
where {{ villkor }}
{%- if ordning %}
order by {{ ordning }}
{%- endif %}
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, rubrik, relation) }}
{{ avvikelser }}
{% endmacro %}

{#- The body of a KPB test that a breakdown of kpb.insatskostnad adds up to it, to the öre (tests/kpb/
    kpb_enhetskostnad_avstamning per enhet, kpb_brukarkostnad_summa per brukare): the insatser (of `villkor`, a SQL
    condition on kpb.insatskostnad) whose parts in `delar` are missing or do not sum to the insats's figures.
    `summor` lists (insats column, SQL sum over the parts, alias); the first is the one whose absence means the
    insats has no parts; the columns of `visa` (insats columns) are shown next to their parts' sums. Printed in the
    log under `rubrik` (kpb_visa_avvikelser) and returned, so the test fails on any. -#}
{% macro kpb_insats_summerar_delar(delar, summor, visa, rubrik, villkor='true') %}
{%- set nyckel = ['kommun_kod', 'ar', 'insats_kod', 'regi'] %}
{%- set avvikelser %}
with

insatser as (
    select * from {{ ref('insatskostnad') }}
    where {{ villkor }}
),

delar as (
    select
        {%- for kolumn in nyckel %}
        {{ kolumn }},
        {%- endfor %}
        {%- for _, summa, alias in summor %}
        {{ summa }} as {{ alias }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ delar }}
    group by {{ nyckel | join(', ') }}
)

select
    {%- for kolumn in nyckel %}
    insatser.{{ kolumn }},
    {%- endfor %}
    {%- for kolumn, _, alias in summor if kolumn in visa %}
    insatser.{{ kolumn }},
    delar.{{ alias }}{{ ',' if not loop.last }}
    {%- endfor %}
from insatser
left join delar
    on {{ lika_kolumner('insatser', 'delar', nyckel) }}
where
    delar.{{ summor[0][2] }} is null
    {%- for kolumn, _, alias in summor %}
    or insatser.{{ kolumn }} <> delar.{{ alias }}
    {%- endfor %}
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, rubrik, ref('insatskostnad')) }}
{{ avvikelser }}
{% endmacro %}
