{#- One row per utskrivningsklar day of an episode (grain vardtillfalle_id, datum): the days date(utskrivningsklar)
    + 1 … raknas_till_datum (day 0, the notice day, is not a utskrivningsklar day; the discharge day is). Each day
    carries its month (the month the day is attributed to in betalningsansvar), its number k after the
    underrättelse, its number after the payment's day 0 (shifted one day by a brytpunkt), whether it is billable
    (number after day 0 > fria_dagar, the episode is betalningsgrundande and its rule's betalningsmodell is
    per_patient; the average-based model is priced per month in int_ukd_betalning_medel) and the daily rate in force on ITS
    date (ukd_dygnsavgifter for the day's year; an exact vardform beats '*'), so that an episode across New Year
    is priced at two rates. Built by joining the episodes to the date spine int_datum_kalender (portable). -#}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

kalender as (
    select * from {{ ref('int_datum_kalender') }}
),

dygnsavgifter as (
    select * from {{ ref('ukd_dygnsavgifter') }}
),

dagar as (
    select
        episoder.vardtillfalle_id,
        episoder.person_id,
        episoder.kommun_kod,
        episoder.vardform,
        episoder.is_betalningsgrundande,
        episoder.betalningsmodell,
        episoder.is_pagaende,
        kalender.datum,
        kalender.ar,
        kalender.manad_start as manad,
        {{ datum_dagar_mellan('episoder.utskrivningsklar_datum', 'kalender.datum') }} as dag_nr,
        {{ datum_dagar_mellan('episoder.betalning_dag0_datum', 'kalender.datum') }} as betalningsdag_nr,
        episoder.fria_dagar
    from episoder
    inner join kalender
        on
            episoder.utskrivningsklar_datum < kalender.datum
            and episoder.raknas_till_datum >= kalender.datum
    where episoder.has_underrattelse
),

betalningsdagar as (
    select
        *,
        coalesce(
            is_betalningsgrundande and coalesce(betalningsmodell, 'per_patient') = 'per_patient'
            and betalningsdag_nr > fria_dagar,
            false
        ) as is_betalningsdag
    from dagar
),

prissatta as (
    select
        betalningsdagar.*,
        case
            when betalningsdagar.is_betalningsdag then coalesce(avgift_vardform.belopp, avgift_alla.belopp)
        end as dygnsbelopp
    from betalningsdagar
    left join dygnsavgifter as avgift_vardform
        on {{ lika_kolumner('betalningsdagar', 'avgift_vardform', ['ar', 'vardform']) }}
    left join dygnsavgifter as avgift_alla
        on
            betalningsdagar.ar = avgift_alla.ar
            and avgift_alla.vardform = '*'
),

final as (
    select
        vardtillfalle_id,
        datum,
        person_id,
        kommun_kod,
        vardform,
        manad,
        cast(dag_nr as integer) as dag_nr,
        cast(betalningsdag_nr as integer) as betalningsdag_nr,
        is_betalningsdag,
        is_pagaende,
        cast(dygnsbelopp as decimal(18, 2)) as dygnsbelopp,
        cast(case when is_betalningsdag then dygnsbelopp else 0 end as decimal(18, 2)) as belopp
    from prissatta
)

select * from final
