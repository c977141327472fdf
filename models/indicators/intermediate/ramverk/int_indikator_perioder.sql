{#- The reporting grid of the indicators built on the region's data: every municipality in the region's files ×
    every month, quarter, half-year and year that overlaps the data (from rapport_forsta_manad, the month of the
    first admission or discharge, to the calculation date). Indicator models left join their events to this grid, so that every municipality and period
    gets a row even when nothing happened (namnare 0; suppressed in utfall). is_komplett: the data cover the whole
    period. -#}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

kalender as (
    select * from {{ ref('int_datum_kalender') }}
),

berakningsdatum as (
    select * from {{ ref('int_ukd_berakningsdatum') }}
),

kommuner as (
    select distinct kommun_kod
    from vardtillfallen
    where kommun_kod is not null
),

dagar_i_data as (
    select kalender.*
    from kalender
    cross join berakningsdatum
    where
        kalender.datum >= berakningsdatum.rapport_forsta_manad
        and kalender.datum <= berakningsdatum.berakningsdatum
),

perioder as (
    {%- for period_typ in ['manad', 'kvartal', 'halvar', 'ar'] %}
        select distinct
            '{{ period_typ }}' as period_typ,
            {{ period_typ }}_start as period_start
        from dagar_i_data
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

med_slut as (
    select
        kommuner.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        case perioder.period_typ
            {%- for period_typ in ['manad', 'kvartal', 'halvar', 'ar'] %}
                when '{{ period_typ }}' then {{ datum_period_slut(period_typ, 'perioder.period_start') }}
            {%- endfor %}
        end as period_slut
    from kommuner
    cross join perioder
),

{# a period is complete when the data cover all of it: it starts on or after the first month of the data and ends
    on or before the calculation date (issue 22, fix 6); a partial period's value is not a whole period's #}
final as (
    select
        med_slut.kommun_kod,
        med_slut.period_typ,
        med_slut.period_start,
        med_slut.period_slut,
        (
            med_slut.period_start >= berakningsdatum.rapport_forsta_manad
            and med_slut.period_slut <= berakningsdatum.berakningsdatum
        ) as is_komplett
    from med_slut
    cross join berakningsdatum
)

select * from final
