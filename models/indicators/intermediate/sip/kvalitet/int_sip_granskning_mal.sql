{#- The goals of the yearly review of sampled SIPs (one row per reviewed plan, review date and goal), with the
    person from SAMSA when the plan is known there, and whether the goal is SMART: all five of specifikt, mätbart,
    accepterat, realistiskt, tidsatt [I]. Grain: sip_id, granskningsdatum, mal_nr. -#}

with

granskning as (
    select * from {{ ref('stg_granskning__sip_granskning') }}
),

planer as (
    select * from {{ ref('int_sip_planer') }}
),

final as (
    select
        granskning.sip_id,
        granskning.kommun_kod,
        granskning.granskningsdatum,
        cast(granskning.ar as integer) as ar,
        granskning.mal_nr,
        planer.person_id,
        {# the unit persons are counted in for suppression: the person, else the plan #}
        coalesce(planer.person_id, granskning.sip_id) as raknas_som,
        {%- for kriterium in sip_smart_kriterier() %}
            granskning.is_{{ kriterium }},
        {%- endfor %}
        {%- set smart = [] %}
        {%- for kriterium in sip_smart_kriterier() %}{% do smart.append('granskning.is_' ~ kriterium) %}{% endfor %}
        coalesce({{ smart | join(' and ') }}, false) as is_smart,
        granskning.mal_status,
        granskning.mal_status <> 'ej_bedomt' as is_bedomt,
        granskning.ansvar_tydligt,
        granskning.samarbete,
        granskning.resurser
    from granskning
    left join planer on granskning.sip_id = planer.sip_id
)

select * from final
