{{ config(tags=['indikatorer', 'utfall']) }}
{#- The indicator models that utfall can read (declared in macros/indikator_register.sql, so that utfall can ref()
    them: dbt records refs at parse time) are exactly the models tagged `indikator` in the graph. Rows returned =
    a tagged model that is not declared (it would be missing from utfall) or a declared model that is not tagged. -#}
{%- set registrerade = indikator_modeller() -%}
{%- set i_grafen = indikator_modeller_i_grafen() -%}
{%- set fel = [] -%}
{%- if execute -%}
    {%- for modell in i_grafen if modell not in registrerade -%}
        {%- do fel.append((modell, 'taggad indikator men inte deklarerad i macros/indikator_register.sql')) -%}
    {%- endfor -%}
    {%- for modell in registrerade if modell not in i_grafen -%}
        {%- do fel.append((modell, 'deklarerad men inte taggad indikator')) -%}
    {%- endfor -%}
{%- endif %}

with

final as (
    {%- for modell, orsak in fel %}
        select
            '{{ modell }}' as modell,
            '{{ orsak }}' as fel
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- else %}
        select
            cast(null as {{ indikator_typ_text() }}) as modell,
            cast(null as {{ indikator_typ_text() }}) as fel
        where 1 = 0
    {%- endfor %}
)

select * from final
