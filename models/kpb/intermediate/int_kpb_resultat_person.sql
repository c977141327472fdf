{#- Cost and outcome per municipal user and year: the KPB cost (kpb.brukare), the SIP coordination cost of the
    person's plans, the region's inpatient cost (int_sip_vardkostnad_person_ar), and the outcomes — a SIP in force,
    discharges and unplanned readmissions within 30 days (int_aterinskrivning_30d, discharges in the year),
    utskrivningsklara days and the municipality's payment for them (indikatorer.utskrivningsklara_vardtillfalle,
    episodes discharged in the year), goals assessed and met in the year's SIP review.
    Population: the persons of kpb.brukare (municipal users with a cost in the year); outcomes are joined by
    person and year whatever the municipality of the episode. Grain: kommun_kod, ar, person_id. -#}

with

brukare as (
    select * from {{ ref('brukare') }}
),

sip_personer as (
    select * from {{ ref('int_sip_personer_ar') }}
),

planer as (
    select * from {{ ref('int_sip_planer') }}
),

tid_kostnad as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

vardkostnad as (
    select * from {{ ref('int_sip_vardkostnad_person_ar') }}
),

aterinskrivning as (
    select * from {{ ref('int_aterinskrivning_30d') }}
),

utskrivningsklara as (
    select * from {{ ref('utskrivningsklara_vardtillfalle') }}
),

granskning as (
    select * from {{ ref('int_sip_granskning_planer') }}
),

sip_per_person as (
    select
        person_id,
        ar,
        sum(antal_aktiva_planer) as antal_aktiva_planer
    from sip_personer
    group by person_id, ar
),

admin_per_person as (
    select
        planer.person_id,
        tid_kostnad.ar,
        sum(tid_kostnad.kostnad) as sip_admin_kostnad
    from tid_kostnad
    inner join planer on tid_kostnad.sip_id = planer.sip_id
    group by planer.person_id, tid_kostnad.ar
),

aterinskrivning_per_person as (
    select
        person_id,
        cast(extract(year from utskrivning_datum) as integer) as ar,
        count(*) as antal_utskrivningar,
        sum(case when has_aterinskrivning_30d then 1 else 0 end) as antal_aterinskrivningar_30d
    from aterinskrivning
    group by person_id, cast(extract(year from utskrivning_datum) as integer)
),

utskrivningsklara_per_person as (
    select
        person_id,
        cast(extract(year from utskrivning_tid) as integer) as ar,
        sum(utskrivningsklara_dagar) as utskrivningsklara_dagar,
        sum(betalningsbelopp) as betalningsbelopp
    from utskrivningsklara
    where utskrivning_tid is not null and utskrivningsklar_tid is not null
    group by person_id, cast(extract(year from utskrivning_tid) as integer)
),

mal_per_person as (
    select
        person_id,
        ar,
        sum(antal_bedomda_mal) as antal_bedomda_mal,
        sum(antal_uppnadda_mal) as antal_uppnadda_mal
    from granskning
    where person_id is not null
    group by person_id, ar
),

final as (
    select
        brukare.kommun_kod,
        brukare.ar,
        brukare.person_id,
        brukare.alder,
        brukare.aldersgrupp,
        brukare.boendeform,
        brukare.verksamhetsomrade,
        cast(brukare.total_kostnad as decimal(18, 2)) as kommun_kostnad,
        cast(coalesce(admin_per_person.sip_admin_kostnad, 0) as decimal(18, 2)) as sip_admin_kostnad,
        cast(coalesce(vardkostnad.vardkostnad, 0) as decimal(18, 2)) as region_vardkostnad,
        cast(
            brukare.total_kostnad
            + coalesce(admin_per_person.sip_admin_kostnad, 0)
            + coalesce(vardkostnad.vardkostnad, 0)
            as decimal(18, 2)
        ) as total_kostnad,
        coalesce(sip_per_person.antal_aktiva_planer, 0) > 0 as has_sip,
        cast(coalesce(vardkostnad.vardagar, 0) as integer) as vardagar,
        cast(coalesce(vardkostnad.akuta_vardagar, 0) as integer) as akuta_vardagar,
        cast(coalesce(aterinskrivning_per_person.antal_utskrivningar, 0) as integer) as antal_utskrivningar,
        cast(coalesce(aterinskrivning_per_person.antal_aterinskrivningar_30d, 0) as integer)
            as antal_aterinskrivningar_30d,
        coalesce(aterinskrivning_per_person.antal_aterinskrivningar_30d, 0) > 0 as has_aterinskrivning_30d,
        cast(coalesce(utskrivningsklara_per_person.utskrivningsklara_dagar, 0) as integer)
            as utskrivningsklara_dagar,
        coalesce(utskrivningsklara_per_person.utskrivningsklara_dagar, 0) > 0 as has_utskrivningsklara_dagar,
        cast(coalesce(utskrivningsklara_per_person.betalningsbelopp, 0) as decimal(18, 2)) as betalningsbelopp,
        cast(coalesce(mal_per_person.antal_bedomda_mal, 0) as integer) as antal_bedomda_mal,
        cast(coalesce(mal_per_person.antal_uppnadda_mal, 0) as integer) as antal_uppnadda_mal
    from brukare
    left join sip_per_person
        on brukare.person_id = sip_per_person.person_id and brukare.ar = sip_per_person.ar
    left join admin_per_person
        on brukare.person_id = admin_per_person.person_id and brukare.ar = admin_per_person.ar
    left join vardkostnad
        on brukare.person_id = vardkostnad.person_id and brukare.ar = vardkostnad.ar
    left join aterinskrivning_per_person
        on brukare.person_id = aterinskrivning_per_person.person_id and brukare.ar = aterinskrivning_per_person.ar
    left join utskrivningsklara_per_person
        on
            brukare.person_id = utskrivningsklara_per_person.person_id
            and brukare.ar = utskrivningsklara_per_person.ar
    left join mal_per_person
        on brukare.person_id = mal_per_person.person_id and brukare.ar = mal_per_person.ar
)

select * from final
