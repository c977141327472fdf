{#- Public mart: utskrivningsklara dagar and the payment per inpatient episode (grain vardtillfalle_id). Day counts
    from int_ukd_episoder; the amount is the sum of the priced days of int_ukd_dagar (each day at the rate of its
    own year). dygnsbelopp is the rate of the first billable day (NULL without billable days); is_flera_dygnsbelopp
    tells that later days had another rate (an episode across New Year). For the economist's reconciliation
    (Kalmar: "om parterna uppfyllt sina åtaganden") each episode also carries the hospital and clinic, the status of
    the notices (inskrivningsmeddelande sent, and within 24 hours of admission; underrättelse) and the fast
    vårdkontakt with the assignment to the municipal health care. -#}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

belopp_per_episod as (
    select
        vardtillfalle_id,
        sum(belopp) as betalningsbelopp,
        min(case when is_betalningsdag then datum end) as forsta_betalningsdag,
        count(distinct case when is_betalningsdag then dygnsbelopp end) as antal_dygnsbelopp
    from dagar
    group by vardtillfalle_id
),

forsta_dygnsbelopp as (
    select
        belopp_per_episod.vardtillfalle_id,
        dagar.dygnsbelopp
    from belopp_per_episod
    inner join dagar
        on
            belopp_per_episod.vardtillfalle_id = dagar.vardtillfalle_id
            and belopp_per_episod.forsta_betalningsdag = dagar.datum
),

final as (
    select
        episoder.vardtillfalle_id,
        episoder.person_id,
        episoder.kommun_kod,
        episoder.vardform,
        episoder.sjukhus,
        episoder.klinik,
        episoder.is_akut,
        episoder.inskrivning_tid,
        episoder.inskrivningsmeddelande_tid,
        episoder.is_inskrivningsmeddelande_24h,
        episoder.fast_vardkontakt_tid,
        episoder.has_fast_vardkontakt,
        episoder.is_uppdrag_kommunal_hsl,
        episoder.has_utskrivningsplan,
        episoder.utskrivningsklar_tid,
        episoder.utskrivning_tid,
        episoder.berakningsdatum,
        episoder.raknas_till_datum,
        episoder.utskrivningsklara_dagar,
        episoder.betalningsdagar,
        cast(forsta_dygnsbelopp.dygnsbelopp as decimal(18, 2)) as dygnsbelopp,
        cast(coalesce(belopp_per_episod.betalningsbelopp, 0) as decimal(18, 2)) as betalningsbelopp,
        episoder.regel_id,
        episoder.fria_dagar,
        episoder.brytpunkt_klockslag,
        episoder.is_efter_brytpunkt,
        episoder.betalning_dag0_datum,
        episoder.is_betalningsgrundande,
        episoder.has_samordnad_utskrivning,
        episoder.has_inskrivningsmeddelande,
        episoder.has_underrattelse,
        episoder.is_pagaende,
        coalesce(belopp_per_episod.antal_dygnsbelopp, 0) > 1 as is_flera_dygnsbelopp
    from episoder
    left join belopp_per_episod
        on episoder.vardtillfalle_id = belopp_per_episod.vardtillfalle_id
    left join forsta_dygnsbelopp
        on episoder.vardtillfalle_id = forsta_dygnsbelopp.vardtillfalle_id
)

select * from final
{{- radordning() }}
