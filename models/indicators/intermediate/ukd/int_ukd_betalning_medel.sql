{#- The average-based payment model for utskrivningsklara dagar (ukd_betalningsregler.betalningsmodell 'medel', as
    in Region Stockholm's agreement), beside the per-patient model of int_ukd_dagar. Per municipality, month of
    discharge and vardform, over the discharged (not ongoing) betalningsgrundande episodes whose rule has the medel
    model:
        antal_vardtillfallen  = the discharged patients' episodes
        dagar_fran_dag0       = Σ max(0, date(discharge) − day 0 of payment)   (day 0 moved by the rule's brytpunkt)
        snitt_dagar           = dagar_fran_dag0 / antal_vardtillfallen
        betalningsdagar       = max(0, dagar_fran_dag0 − medel_niva_dagar × antal_vardtillfallen)
        betalningsbelopp      = betalningsdagar × the daily rate of the month's year (exact vardform before '*')
    so the municipality pays only when the month's average exceeds the agreed level, and then for the days above
    it [I]. Grain: kommun_kod, manad, vardform (months with such episodes only). -#}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

dygnsavgifter as (
    select * from {{ ref('ukd_dygnsavgifter') }}
),

utskrivna as (
    select
        kommun_kod,
        {{ datum_trunkera('month', 'raknas_till_datum') }} as manad,
        vardform,
        person_id,
        dagar_fran_dag0,
        medel_niva_dagar
    from episoder
    where
        betalningsmodell = 'medel'
        and is_betalningsgrundande
        and not is_pagaende
),

per_manad as (
    select
        kommun_kod,
        manad,
        vardform,
        count(*) as antal_vardtillfallen,
        count(distinct person_id) as antal_personer,
        sum(dagar_fran_dag0) as dagar_fran_dag0,
        max(medel_niva_dagar) as medel_niva_dagar
    from utskrivna
    group by kommun_kod, manad, vardform
),

med_dagar as (
    select
        *,
        greatest(
            cast(0 as decimal(18, 4)),
            cast(dagar_fran_dag0 as decimal(18, 4)) - medel_niva_dagar * antal_vardtillfallen
        ) as betalningsdagar
    from per_manad
),

final as (
    select
        med_dagar.kommun_kod,
        cast(med_dagar.manad as date) as manad,
        med_dagar.vardform,
        cast(med_dagar.antal_vardtillfallen as bigint) as antal_vardtillfallen,
        cast(med_dagar.antal_personer as bigint) as antal_personer,
        cast(med_dagar.dagar_fran_dag0 as bigint) as dagar_fran_dag0,
        cast(med_dagar.medel_niva_dagar as decimal(18, 4)) as medel_niva_dagar,
        cast({{ indikator_kvot('med_dagar.dagar_fran_dag0', 'med_dagar.antal_vardtillfallen') }} as decimal(18, 4))
            as snitt_dagar,
        cast(med_dagar.betalningsdagar as decimal(18, 4)) as betalningsdagar,
        cast(coalesce(avgift_vardform.belopp, avgift_alla.belopp) as decimal(18, 2)) as dygnsbelopp,
        cast(
            med_dagar.betalningsdagar * coalesce(avgift_vardform.belopp, avgift_alla.belopp) as decimal(18, 2)
        ) as betalningsbelopp
    from med_dagar
    left join dygnsavgifter as avgift_vardform
        on
            cast(extract(year from med_dagar.manad) as integer) = avgift_vardform.ar
            and med_dagar.vardform = avgift_vardform.vardform
    left join dygnsavgifter as avgift_alla
        on
            cast(extract(year from med_dagar.manad) as integer) = avgift_alla.ar
            and avgift_alla.vardform = '*'
)

select * from final
