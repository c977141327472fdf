{{ config(tags=['sip', 'kpb']) }}

{# kpb.resultat covers every municipal user once: in group 'alla' the KPB users and their KPB cost equal
    kpb.brukare, and each two-way split (med / utan) adds up to 'alla'. And there is ONE cost per person with a SIP:
    sip / med's kommun_kostnad_per_brukare equals the indicator SIP_KOSTNAD_DIREKT's value
    (int_sip_kostnad_kommun_ar.direkt_kostnad_per_person) for every municipality and year. #}

with

resultat as (
    select * from {{ ref('resultat') }}
),

brukare as (
    select * from {{ ref('brukare') }}
),

brukare_per_kommun_ar as (
    select
        kommun_kod,
        ar,
        count(*) as antal_brukare,
        sum(total_kostnad) as kostnad
    from brukare
    group by kommun_kod, ar
),

alla as (
    select * from resultat
    where grupp = 'alla'
),

delningar as (
    select
        kommun_kod,
        ar,
        grupp,
        sum(antal_brukare) as antal_brukare,
        sum(total_kostnad) as total_kostnad
    from resultat
    where grupp in ('sip', 'aterinskrivning', 'utskrivningsklara_dagar')
    group by kommun_kod, ar, grupp
)

select
    brukare_per_kommun_ar.kommun_kod,
    brukare_per_kommun_ar.ar,
    'alla <> kpb.brukare' as fel
from brukare_per_kommun_ar
left join alla
    on brukare_per_kommun_ar.kommun_kod = alla.kommun_kod and brukare_per_kommun_ar.ar = alla.ar
where
    alla.antal_kpb_brukare is null
    or alla.antal_kpb_brukare <> brukare_per_kommun_ar.antal_brukare
    or alla.kommun_kostnad <> brukare_per_kommun_ar.kostnad
union all
select
    delningar.kommun_kod,
    delningar.ar,
    'med + utan <> alla: ' || delningar.grupp as fel
from delningar
inner join alla on delningar.kommun_kod = alla.kommun_kod and delningar.ar = alla.ar
where
    delningar.antal_brukare <> alla.antal_brukare
    or delningar.total_kostnad <> alla.total_kostnad
union all
select
    sip_kostnad.kommun_kod,
    sip_kostnad.ar,
    'kostnad per person med SIP: kpb.resultat ' || coalesce(cast(med_sip.kommun_kostnad_per_brukare as string), 'NULL')
    || ' <> SIP_KOSTNAD_DIREKT ' || cast(sip_kostnad.direkt_kostnad_per_person as string) as fel
from {{ ref('int_sip_kostnad_kommun_ar') }} as sip_kostnad
left join resultat as med_sip
    on
        sip_kostnad.kommun_kod = med_sip.kommun_kod
        and sip_kostnad.ar = med_sip.ar
        and med_sip.grupp = 'sip'
        and med_sip.grupp_varde = 'med'
where
    sip_kostnad.antal_personer_med_sip > 0
    and sip_kostnad.ar in (select distinct ar from brukare)
    and sip_kostnad.kommun_kod in (select distinct kommun_kod from brukare)
    and (
        med_sip.kommun_kostnad_per_brukare is null
        or med_sip.kommun_kostnad_per_brukare <> sip_kostnad.direkt_kostnad_per_person
    )
