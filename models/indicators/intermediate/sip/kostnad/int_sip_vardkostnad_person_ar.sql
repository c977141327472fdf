{#- The region's inpatient care per person and calendar year: inpatient days (nights, as in int_sip_varddagar)
    falling in the year — an episode over New Year is split by day — and their cost at the year's cost per
    inpatient day (seed vard_dygnskostnad, status U; the latest seed year not after the year). An open episode
    runs to the last date in the extract. Grain: person_id, ar. -#}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

dygnskostnad as (
    select * from {{ ref('vard_dygnskostnad') }}
),

extraktet as (
    select max(cast(coalesce(utskrivning_tid, inskrivning_tid) as date)) as sista_datum
    from vardtillfallen
),

episoder as (
    {{ sip_vardepisoder('vardtillfallen', 'extraktet') | indent(4) }}
),

ar_lista as (
    select distinct cast(extract(year from in_datum) as integer) as ar
    from episoder
    union
    select distinct cast(extract(year from ut_datum) as integer) as ar
    from episoder
),

episod_ar as (
    select
        episoder.person_id,
        episoder.vardform,
        episoder.is_akut,
        ar_lista.ar,
        greatest(
            0,
            {{ dbt.datediff(
                'greatest(episoder.in_datum, ' ~ sip_ar_start('ar_lista.ar') ~ ')',
                'least(episoder.ut_datum, ' ~ dbt.dateadd('day', 1, sip_ar_slut('ar_lista.ar')) ~ ')',
                'day') }}
        ) as dagar
    from episoder
    inner join ar_lista
        on
            episoder.in_datum <= {{ sip_ar_slut('ar_lista.ar') }}
            and episoder.ut_datum > {{ sip_ar_start('ar_lista.ar') }}
),

pris_kandidater as (
    select
        ar_lista.ar,
        dygnskostnad.vardform,
        dygnskostnad.dygnskostnad,
        row_number() over (partition by ar_lista.ar, dygnskostnad.vardform order by dygnskostnad.ar desc)
            as rangordning
    from ar_lista
    inner join dygnskostnad on ar_lista.ar >= dygnskostnad.ar
),

final as (
    select
        episod_ar.person_id,
        episod_ar.ar,
        cast(sum(episod_ar.dagar) as integer) as vardagar,
        cast(sum(case when episod_ar.is_akut then episod_ar.dagar else 0 end) as integer) as akuta_vardagar,
        cast(sum(episod_ar.dagar * pris_kandidater.dygnskostnad) as decimal(18, 2)) as vardkostnad
    from episod_ar
    left join pris_kandidater
        on
            {{ lika_kolumner('episod_ar', 'pris_kandidater', ['ar', 'vardform']) }}
            and pris_kandidater.rangordning = 1
    group by episod_ar.person_id, episod_ar.ar
)

select * from final
