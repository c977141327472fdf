{#- The date spine: one row per calendar day from 1 January of the year of the region's first date to 31 December
    of the year of the calculation date, with the first day of its month, quarter, half-year and year. Built with
    the portable macro datum_spine (no generate_series). -#}

with

berakningsdatum as (
    select * from {{ ref('int_ukd_berakningsdatum') }}
),

spann as (
    select
        {{ datum_trunkera('year', 'data_forsta_datum') }} as forsta_dag,
        {{ datum_ar_slut('berakningsdatum') }}
            as sista_dag
    from berakningsdatum
),

dagar as (
    {{ datum_spine(
        '(select spann.forsta_dag from spann)',
        '(select spann.sista_dag from spann)') | indent(4) }}
),

final as (
    select
        datum,
        cast(extract(year from datum) as integer) as ar,
        {{ datum_period_start('manad', 'datum') }} as manad_start,
        {{ datum_period_start('kvartal', 'datum') }} as kvartal_start,
        {{ datum_period_start('halvar', 'datum') }} as halvar_start,
        {{ datum_period_start('ar', 'datum') }} as ar_start
    from dagar
)

select * from final
