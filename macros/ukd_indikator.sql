{#- The mean-days indicators of utskrivningsklara dagar (UKD_SOMATIK_MEDEL, UKD_PSYK_MEDEL), written once: the average
    utskrivningsklara dagar per episode of `vardform` discharged in the period, per municipality and each of
    `period_typer`. Numerator: the days (int_ukd_episoder.utskrivningsklara_dagar, same-day discharge 0); denominator:
    the episodes. Population installning('ukd_medel_population'): 'underrattade' ([I]: episodes with an
    underrättelse) or 'alla_utskrivna' (every discharged episode). Ongoing episodes are not in it. Also broken
    down by the discharging hospital (dimension sjukhus) and clinic (dimension klinik). -#}
{% macro ukd_medel_indikator(indikator_id, vardform, period_typer) -%}
{%- set population = installning('ukd_medel_population') -%}
with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

handelser as (
    select
        kommun_kod,
        person_id,
        cast(utskrivning_tid as date) as datum,
        sjukhus,
        klinik,
        utskrivningsklara_dagar as taljare_bidrag,
        1 as namnare_bidrag
    from episoder
    where
        vardform = '{{ vardform }}'
        and not is_pagaende
        and {{ 'has_underrattelse' if population == 'underrattade' else 'true' }}
),

aggregerade as (
    {{ indikator_aggregera('handelser', 'perioder', period_typer, 1, ['sjukhus', 'klinik']) | indent(4) }}
),

final as (
    {{ indikator_kolumner(indikator_id, 'aggregerade') | indent(4) }}
)

select * from final
{%- endmacro %}
