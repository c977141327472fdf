{#- total_kostnad (issue 22, fix 5): the municipality's SIP time is booked in its ledger and so already in the KPB
    cost (kommun_kostnad, through the pools and insatser); with var sip_admin_kommun_i_kpb (true [I]) only the
    time × salary of the other principals (the region) is added on top; sip_admin_kostnad still shows all of it. -#}
{%- set admin_i_total = 'sip_admin_kostnad_ej_kommun' if installning('sip_admin_kommun_i_kpb')
    else 'sip_admin_kostnad' %}
{#- Cost and outcome per municipal user and year: the KPB cost (kpb.brukare), the SIP coordination cost of the
    person's plans, the region's inpatient cost (int_sip_vardkostnad_person_ar), and the outcomes — a SIP in force,
    discharges and unplanned readmissions within 30 days (int_aterinskrivning_30d, discharges in the year),
    utskrivningsklara days and the municipality's payment for them (indikatorer.utskrivningsklara_vardtillfalle,
    episodes discharged in the year), goals assessed and met in the year's SIP review.
    Population: the persons of kpb.brukare (municipal users in the year) AND the persons with a SIP in force in
    the municipality and year who have no KPB volume (is_kpb_brukare false, kommun_kostnad 0). This is the ONE
    definition of "cost per person with a SIP" of the project: every person with a SIP in force counts, a person
    without municipal insatser with 0 kr - the same population and figure as the indicator SIP_KOSTNAD_DIREKT
    (int_sip_kostnad_kommun_ar.direkt_kostnad_per_person; tests/sip/assert_kpb_resultat_avstamd.sql checks they
    agree). Outcomes are joined by person and year whatever the municipality of the episode.
    Grain: kommun_kod, ar, person_id. -#}

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

{# the population: KPB users, plus persons with a SIP in force and no KPB volume (0 kr) #}
population as (
    select
        kommun_kod,
        ar,
        person_id,
        true as is_kpb_brukare
    from brukare
    union all
    select
        sip_personer.kommun_kod,
        sip_personer.ar,
        sip_personer.person_id,
        false as is_kpb_brukare
    from sip_personer
    left join brukare
        on {{ lika_kolumner('sip_personer', 'brukare', ['kommun_kod', 'ar', 'person_id']) }}
    where brukare.person_id is null
),

{# a SIP in force in the person's municipality (as SIP_KOSTNAD_DIREKT counts it) #}
sip_per_person as (
    select
        kommun_kod,
        person_id,
        ar,
        sum(antal_aktiva_planer) as antal_aktiva_planer
    from sip_personer
    group by kommun_kod, person_id, ar
),

admin_per_person as (
    select
        planer.person_id,
        tid_kostnad.ar,
        sum(tid_kostnad.kostnad) as sip_admin_kostnad,
        sum(case when tid_kostnad.huvudman <> 'kommun' then tid_kostnad.kostnad else 0 end)
            as sip_admin_kostnad_ej_kommun
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
        population.kommun_kod,
        population.ar,
        population.person_id,
        population.is_kpb_brukare,
        brukare.alder,
        brukare.aldersgrupp,
        brukare.boendeform,
        brukare.verksamhetsomrade,
        cast(coalesce(brukare.total_kostnad, 0) as decimal(18, 2)) as kommun_kostnad,
        cast(coalesce(admin_per_person.sip_admin_kostnad, 0) as decimal(18, 2)) as sip_admin_kostnad,
        cast(coalesce(vardkostnad.vardkostnad, 0) as decimal(18, 2)) as region_vardkostnad,
        cast(
            coalesce(brukare.total_kostnad, 0)
            + coalesce(admin_per_person.{{ admin_i_total }}, 0)
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
    from population
    left join brukare
        on {{ lika_kolumner('population', 'brukare', ['kommun_kod', 'ar', 'person_id']) }}
    left join sip_per_person
        on {{ lika_kolumner('population', 'sip_per_person', ['kommun_kod', 'person_id', 'ar']) }}
    left join admin_per_person
        on population.person_id = admin_per_person.person_id and population.ar = admin_per_person.ar
    left join vardkostnad
        on population.person_id = vardkostnad.person_id and population.ar = vardkostnad.ar
    left join aterinskrivning_per_person
        on population.person_id = aterinskrivning_per_person.person_id and population.ar = aterinskrivning_per_person.ar
    left join utskrivningsklara_per_person
        on {{ lika_kolumner('population', 'utskrivningsklara_per_person', ['person_id', 'ar']) }}
    left join mal_per_person
        on population.person_id = mal_per_person.person_id and population.ar = mal_per_person.ar
)

select * from final
