{#- The indirect SIP cost figures per municipality and year of establishment: inpatient days and their cost 12
    months before vs after, over the plans established in the year (int_sip_kostnad_plan) whose both windows are
    complete (macro sip_kompletta_fonster). Plans with a truncated window are counted
    (antal_planer_ofullstandiga_fonster) but never summed in; without any complete plan the before/after figures are
    NULL, not 0 (issue 22, fix 5). Grain: kommun_kod, ar (the years with an established plan). -#}

with

plan_kostnad as (
    select * from {{ ref('int_sip_kostnad_plan') }}
),

{# the one condition of the before/after figures: both windows complete #}
plan_fonster as (
    select
        plan_kostnad.*,
        {{ sip_kompletta_fonster('plan_kostnad') }} as is_komplett
    from plan_kostnad
),

indirekt as (
    select
        kommun_kod,
        upprattad_ar as ar,
        count(*) as antal_upprattade_planer,
        sum(case when is_komplett then 1 else 0 end) as antal_planer_kompletta_fonster,
        sum(case when is_komplett then 0 else 1 end) as antal_planer_ofullstandiga_fonster,
        sum(case when is_komplett then vardagar_fore end) as vardagar_fore,
        sum(case when is_komplett then vardagar_efter end) as vardagar_efter,
        sum(case when is_komplett then akuta_vardagar_fore end) as akuta_vardagar_fore,
        sum(case when is_komplett then akuta_vardagar_efter end) as akuta_vardagar_efter,
        sum(case when is_komplett then vardkostnad_fore end) as vardkostnad_fore,
        sum(case when is_komplett then vardkostnad_efter end) as vardkostnad_efter,
        sum(case when is_komplett then admin_kostnad end) as admin_kostnad_upprattade_planer
    from plan_fonster
    where upprattad_ar is not null
    group by kommun_kod, upprattad_ar
),

{# the before/after figures only where at least one plan has complete windows: NULL, not 0, otherwise #}
final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        cast(antal_upprattade_planer as bigint) as antal_upprattade_planer,
        cast(antal_planer_kompletta_fonster as bigint) as antal_planer_kompletta_fonster,
        cast(antal_planer_ofullstandiga_fonster as bigint) as antal_planer_ofullstandiga_fonster,
        {%- for kolumn in ['vardagar_fore', 'vardagar_efter', 'akuta_vardagar_fore', 'akuta_vardagar_efter',
            'vardkostnad_fore', 'vardkostnad_efter'] %}
            case when antal_planer_kompletta_fonster > 0 then coalesce({{ kolumn }}, 0) end as {{ kolumn }},
        {%- endfor %}
        admin_kostnad_upprattade_planer
    from indirekt
)

select * from final
