{#- One row: the calculation date of utskrivningsklara dagar and the span of the region's data.
    Episodes still admitted (or discharged after it) are counted up to berakningsdatum and flagged is_pagaende.
    Default [I]: the last day of the month of the latest admission or discharge in the region's episode file (the
    extract's period; notices dated after it are not yet counted); var ukd_berakningsdatum ('YYYY-MM-DD') sets it
    (e.g. the last day of the month being invoiced). rapport_forsta_manad, the first month of the indicator grid,
    is the month of the earliest admission or discharge in the episode file, so that every admission and discharge
    falls in a period of the grid: an admission in December discharged in January counts in December's indicators
    dated by admission (INSKRIVNINGSMEDDELANDE_24H), as betalningsansvar bills its December days. -#}
{%- set berakningsdatum_var = installning('ukd_berakningsdatum') -%}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

utskrivning as (
    select * from {{ ref('stg_samsa__utskrivning') }}
),

datum_i_data as (
    select
        cast(inskrivning_tid as date) as datum,
        true as is_episoddatum,
        false as is_utskrivning
    from vardtillfallen
    union all
    select
        cast(utskrivning_tid as date) as datum,
        true as is_episoddatum,
        true as is_utskrivning
    from vardtillfallen
    union all
    select
        cast(inskrivningsmeddelande_tid as date) as datum,
        false as is_episoddatum,
        false as is_utskrivning
    from utskrivning
    union all
    select
        cast(utskrivningsklar_tid as date) as datum,
        false as is_episoddatum,
        false as is_utskrivning
    from utskrivning
),

granser as (
    select
        min(datum) as data_forsta_datum,
        max(case when is_episoddatum then datum end) as data_sista_datum,
        min(case when is_episoddatum then datum end) as forsta_episod_datum
    from datum_i_data
),

final as (
    select
        data_forsta_datum,
        data_sista_datum,
        {{ datum_trunkera('month', 'coalesce(forsta_episod_datum, data_forsta_datum)') }}
            as rapport_forsta_manad,
        {%- if berakningsdatum_var %}
            cast('{{ berakningsdatum_var }}' as date) as berakningsdatum,
            true as is_berakningsdatum_fran_var
        {%- else %}
            {{ datum_manad_slut('data_sista_datum') }} as berakningsdatum,
            false as is_berakningsdatum_fran_var
        {%- endif %}
    from granser
    -- no region data (a delivery without region files): no calculation date, no row (issue 9, item 1)
    where data_forsta_datum is not null
)

select * from final
