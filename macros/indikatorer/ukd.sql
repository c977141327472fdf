{#- The UKD-specific pieces of the indicators (utskrivningsklara dagar, int_ukd_episoder). -#}

{#- The start of an indicator model over the discharged episodes: `with` and the CTEs episoder (int_ukd_episoder)
    and utskrivna (the episodes discharged by the calculation date, not is_pagaende, where `villkor` holds, with
    `datum` = the date of discharge), for indikator_andel / indikator_medel by period. -#}
{% macro ukd_utskrivna(villkor='true') -%}
with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

utskrivna as (
    select
        *,
        cast(utskrivning_tid as date) as datum
    from episoder
    where
        not is_pagaende
        and {{ villkor }}
),
{%- endmacro %}

{#- The mean-days indicators of utskrivningsklara dagar (UKD_SOMATIK_MEDEL, UKD_PSYK_MEDEL), written once: the average
    utskrivningsklara dagar per episode of `vardform` discharged in the period, per municipality and each of
    `period_typer`. Numerator: the days (int_ukd_episoder.utskrivningsklara_dagar, same-day discharge 0); denominator:
    the episodes. Population installning('ukd_medel_population'): 'underrattade' ([I]: episodes with an
    underrättelse) or 'alla_utskrivna' (every discharged episode). Ongoing episodes are not in it. Also broken
    down by the discharging hospital (dimension sjukhus) and clinic (dimension klinik). -#}
{% macro ukd_medel_indikator(indikator_id, vardform, period_typer) -%}
{%- set population = installning('ukd_medel_population') -%}
{{ ukd_utskrivna("vardform = '" ~ vardform ~ "' and "
    ~ ('has_underrattelse' if population == 'underrattade' else 'true')) }}

{{ kommunanalys.indikator_medel(indikator_id, 'utskrivna', 'utskrivningsklara_dagar', period_typer,
    ['sjukhus', 'klinik']) }}
{%- endmacro %}

{#- The days of int_ukd_dagar (the CTE `dagar`) summed per the columns `gruppering`: the ONE definition of the
    payment figures of betalningsansvar and betalningsansvar_individ - utskrivningsklara_dagar (the days),
    betalningsdagar (the billable days) and betalningsbelopp (their amount) - after the further aggregates `matt`
    ((expression, alias) pairs). -#}
{% macro ukd_dagar_summerade(gruppering, matt=[]) -%}
select
    {%- for kolumn in gruppering %}
    {{ kolumn }},
    {%- endfor %}
    {%- for uttryck, alias in matt %}
    {{ uttryck }} as {{ alias }},
    {%- endfor %}
    count(*) as utskrivningsklara_dagar,
    sum(case when is_betalningsdag then 1 else 0 end) as betalningsdagar,
    sum(belopp) as betalningsbelopp
from dagar
group by
    {%- for kolumn in gruppering %}
    {{ kolumn }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
