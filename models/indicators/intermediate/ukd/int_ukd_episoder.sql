{#- Utskrivningsklara dagar per inpatient episode (grain vardtillfalle_id): the region's episode joined with its SAMSA
    row, the payment rule that applies, and the day counts (docs/domain.md §2.2):

      utskrivningsklara_dagar = date(end) - date(utskrivningsklar)      (same-day discharge: 0)
      day k of payment        = betalning_dag0_datum + k, where day 0 is the date of the underrättelse, or the next
                                day when the notice was sent at or after the rule's brytpunkt_klockslag
      betalningsdagar         = max(0, (date(end) - betalning_dag0_datum) - fria_dagar), when both the
                                inskrivningsmeddelande and the underrättelse were sent (else 0)

    end = the discharge date, or the calculation date (int_ukd_berakningsdatum) for an episode still admitted then
    (is_pagaende). The rule: the rules of regelverk var('ukd_regelverk') and of 'lag' (the law's default) that match
    kommun, vardform and the date of the underrättelse; chosen regelverk before 'lag', exact kommun before '*',
    exact vardform before '*', latest giltig_fran first. Pricing per day is in int_ukd_dagar.
    betalningsmodell (of the rule): per_patient - betalningsdagar as above; medel (average-based model) -
    betalningsdagar 0 here, the payment is computed per municipality and month in int_ukd_betalning_medel from
    dagar_fran_dag0 = max(0, date(end) − betalning_dag0_datum) of the betalningsgrundande episodes. -#}
{%- set regelverk = installning('ukd_regelverk') -%}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

utskrivning as (
    select * from {{ ref('stg_samsa__utskrivning') }}
),

regler as (
    select * from {{ ref('ukd_betalningsregler') }}
),

berakningsdatum as (
    select * from {{ ref('int_ukd_berakningsdatum') }}
),

episoder as (
    select
        vardtillfallen.vardtillfalle_id,
        vardtillfallen.person_id,
        coalesce(vardtillfallen.kommun_kod, utskrivning.kommun_kod) as kommun_kod,
        vardtillfallen.vardform,
        vardtillfallen.sjukhus,
        vardtillfallen.klinik,
        vardtillfallen.is_akut,
        vardtillfallen.inskrivning_tid,
        vardtillfallen.utskrivning_tid,
        utskrivning.inskrivningsmeddelande_tid,
        utskrivning.utskrivningsklar_tid,
        utskrivning.fast_vardkontakt_tid,
        coalesce(utskrivning.is_uppdrag_kommunal_hsl, false) as is_uppdrag_kommunal_hsl,
        coalesce(utskrivning.has_utskrivningsplan, false) as has_utskrivningsplan,
        utskrivning.vardtillfalle_id is not null as has_samordnad_utskrivning,
        berakningsdatum.berakningsdatum,
        cast(utskrivning.utskrivningsklar_tid as date) as utskrivningsklar_datum,
        vardtillfallen.utskrivning_tid is null
        or cast(vardtillfallen.utskrivning_tid as date) > berakningsdatum.berakningsdatum as is_pagaende
    from vardtillfallen
    left join utskrivning
        on vardtillfallen.vardtillfalle_id = utskrivning.vardtillfalle_id
    cross join berakningsdatum
),

flaggor as (
    select
        *,
        inskrivningsmeddelande_tid is not null as has_inskrivningsmeddelande,
        coalesce(
            {{ datum_minuter_mellan('inskrivning_tid', 'inskrivningsmeddelande_tid') }} <= 24 * 60, false
        ) as is_inskrivningsmeddelande_24h,
        fast_vardkontakt_tid is not null as has_fast_vardkontakt,
        utskrivningsklar_tid is not null and utskrivningsklar_datum <= berakningsdatum as has_underrattelse,
        case
            when is_pagaende then berakningsdatum
            else cast(utskrivning_tid as date)
        end as raknas_till_datum
    from episoder
),

regelkandidater as (
    select
        flaggor.vardtillfalle_id,
        regler.regel_id,
        regler.fria_dagar,
        regler.brytpunkt_klockslag,
        regler.dagtyp,
        regler.betalningsmodell,
        regler.medel_niva_dagar,
        row_number() over (
            partition by flaggor.vardtillfalle_id
            order by
                case when regler.regelverk = '{{ regelverk }}' then 0 else 1 end,
                case when regler.kommun_kod = '*' then 1 else 0 end,
                case when regler.vardform = '*' then 1 else 0 end,
                regler.giltig_fran desc,
                regler.regel_id
        ) as rangordning
    from flaggor
    inner join regler
        on
            regler.regelverk in ('{{ regelverk }}', 'lag')
            and (flaggor.kommun_kod = regler.kommun_kod or regler.kommun_kod = '*')
            and (flaggor.vardform = regler.vardform or regler.vardform = '*')
            and flaggor.utskrivningsklar_datum >= regler.giltig_fran
            and (regler.giltig_till is null or flaggor.utskrivningsklar_datum <= regler.giltig_till)
    where flaggor.has_underrattelse
),

med_regel as (
    select
        flaggor.*,
        vald_regel.regel_id,
        vald_regel.fria_dagar,
        vald_regel.brytpunkt_klockslag,
        coalesce(vald_regel.betalningsmodell, 'per_patient') as betalningsmodell,
        vald_regel.medel_niva_dagar,
        coalesce(
            vald_regel.brytpunkt_klockslag is not null
            and {{ datum_minut_pa_dygnet('flaggor.utskrivningsklar_tid') }}
            >= {{ datum_klockslag_minuter('vald_regel.brytpunkt_klockslag') }},
            false
        ) as is_efter_brytpunkt,
        flaggor.has_inskrivningsmeddelande
        and flaggor.has_underrattelse
        and vald_regel.regel_id is not null as is_betalningsgrundande
    from flaggor
    left join regelkandidater as vald_regel
        on
            flaggor.vardtillfalle_id = vald_regel.vardtillfalle_id
            and vald_regel.rangordning = 1
),

dagar as (
    select
        *,
        case
            when is_efter_brytpunkt then {{ datum_plus_dagar('utskrivningsklar_datum', 1) }}
            else utskrivningsklar_datum
        end as betalning_dag0_datum,
        case
            when has_underrattelse
                then greatest(0, {{ datum_dagar_mellan('utskrivningsklar_datum', 'raknas_till_datum') }})
            else 0
        end as utskrivningsklara_dagar
    from med_regel
),

final as (
    select
        vardtillfalle_id,
        person_id,
        kommun_kod,
        vardform,
        sjukhus,
        klinik,
        is_akut,
        inskrivning_tid,
        utskrivning_tid,
        inskrivningsmeddelande_tid,
        utskrivningsklar_tid,
        fast_vardkontakt_tid,
        is_uppdrag_kommunal_hsl,
        has_utskrivningsplan,
        has_samordnad_utskrivning,
        has_inskrivningsmeddelande,
        is_inskrivningsmeddelande_24h,
        has_fast_vardkontakt,
        has_underrattelse,
        is_pagaende,
        berakningsdatum,
        utskrivningsklar_datum,
        raknas_till_datum,
        regel_id,
        fria_dagar,
        brytpunkt_klockslag,
        is_efter_brytpunkt,
        betalning_dag0_datum,
        is_betalningsgrundande,
        betalningsmodell,
        cast(medel_niva_dagar as decimal(18, 4)) as medel_niva_dagar,
        cast(case
            when is_betalningsgrundande
                then greatest(0, {{ datum_dagar_mellan('betalning_dag0_datum', 'raknas_till_datum') }})
            else 0
        end as integer) as dagar_fran_dag0,
        cast(utskrivningsklara_dagar as integer) as utskrivningsklara_dagar,
        cast(case
            when is_betalningsgrundande and betalningsmodell = 'per_patient'
                then greatest(
                    0,
                    {{ datum_dagar_mellan('betalning_dag0_datum', 'raknas_till_datum') }} - fria_dagar
                )
            else 0
        end as integer) as betalningsdagar
    from dagar
)

select * from final
