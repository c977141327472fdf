{{ config(tags=['sip', 'kpb']) }}

{# kpb.resultat covers every municipal user once: in group 'alla' the users and their KPB cost equal kpb.brukare,
    and each two-way split (med / utan) adds up to 'alla'. #}

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
    alla.antal_brukare is null
    or alla.antal_brukare <> brukare_per_kommun_ar.antal_brukare
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
