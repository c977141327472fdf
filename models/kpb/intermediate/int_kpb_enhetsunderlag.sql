-- The KPB breakdown per enhet (a hemtjänstgrupp, a boende ...): each insats and regi's direct cost and volumes per
-- enhet. A ledger row belongs to the enhet its ansvar maps to, a volume row to the enhet its operational-system unit
-- (verksamhet/insatser.enhet) maps to, both by the seed kpb_enheter for the row's regi (a municipality's row beats
-- '*', then a row of the row's own regi beats a row for both regi, issue 22 fix 4). A row that
-- maps to no enhet stays, under enhet_kod 'ej_angiven', so that the enheter of an insats and regi sum to its
-- direct cost and volume in int_kpb_kostnadsobjekt exactly. The påslag is split over the enheter in
-- kpb.enhetskostnad.
{#- incremental per year (macros/inkrementell.sql): every row is one year's; a delivery recomputes the years it
    touches -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='ar',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('ar') }}",
) }}
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

insatser as (
    select * from {{ ref('stg_verksamhet__insatser') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

-- the standard insats of each local code, as int_kpb_volymer_oversatta mapped it (kpb_lokala_insatskoder: the
-- municipality's row beats '*'), so that the mapping rule is written once
insatskoder as (
    select distinct
        kommun_kod,
        lokal_insats_kod,
        insats_kod
    from {{ ref('int_kpb_volymer_oversatta') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

enheter as (
    select
        coalesce(kommun_kod, '*') as kommun_kod,
        enhet_kod,
        enhet_namn,
        ansvar,
        verksamhet_enhet,
        coalesce(regi, '*') as regi
    from {{ ref('kpb_enheter') }}
),

-- the enhet of each (municipality, ansvar, regi) of the ledger and (municipality, unit, regi) of the volumes
ansvar_enhet as (
    {{ kpb_enhet_per_kod(
        "select distinct kommun_kod, ansvar, regi from oversatt where maltyp = 'insats'",
        'ansvar', 'ansvar') | indent(4) }}
),

verksamhetsenhet_enhet as (
    {{ kpb_enhet_per_kod(
        'select distinct kommun_kod, enhet, regi from insatser',
        'enhet', 'verksamhet_enhet') | indent(4) }}
),

enhetsnamn as (
    select
        enhet_kod,
        min(enhet_namn) as enhet_namn
    from enheter
    group by enhet_kod
),

direkt as (
    select
        oversatt.kommun_kod,
        oversatt.ar,
        oversatt.insats_kod,
        oversatt.regi,
        coalesce(ansvar_enhet.enhet_kod, 'ej_angiven') as enhet_kod,
        sum(oversatt.belopp) as direkt_kostnad,
        count(*) as antal_huvudboksrader
    from oversatt
    left join ansvar_enhet
        on
            oversatt.kommun_kod = ansvar_enhet.kommun_kod
            and oversatt.ansvar = ansvar_enhet.ansvar
            and oversatt.regi = ansvar_enhet.regi
    where oversatt.maltyp = 'insats'
    group by
        oversatt.kommun_kod,
        oversatt.ar,
        oversatt.insats_kod,
        oversatt.regi,
        coalesce(ansvar_enhet.enhet_kod, 'ej_angiven')
),

volymrader as (
    select
        insatser.kommun_kod,
        insatser.ar,
        insatskoder.insats_kod,
        insatser.regi,
        insatser.volymtyp,
        insatser.person_id,
        insatser.volym,
        coalesce(verksamhetsenhet_enhet.enhet_kod, 'ej_angiven') as enhet_kod
    from insatser
    left join insatskoder
        on
            insatser.kommun_kod = insatskoder.kommun_kod
            and insatser.lokal_insats_kod = insatskoder.lokal_insats_kod
    left join verksamhetsenhet_enhet
        on
            insatser.kommun_kod = verksamhetsenhet_enhet.kommun_kod
            and insatser.enhet = verksamhetsenhet_enhet.enhet
            and insatser.regi = verksamhetsenhet_enhet.regi
),

volym as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        enhet_kod,
        sum(case when volymtyp = 'beviljad' then volym else 0 end) as volym_beviljad,
        sum(case when volymtyp = 'utford' then volym else 0 end) as volym_utford,
        count(distinct case when volymtyp = 'beviljad' then person_id end) as antal_brukare_beviljad,
        count(distinct case when volymtyp = 'utford' then person_id end) as antal_brukare_utford
    from volymrader
    where insats_kod is not null
    group by kommun_kod, ar, insats_kod, regi, enhet_kod
),

nycklar as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        enhet_kod
    from direkt
    union
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        enhet_kod
    from volym
),

final as (
    select
        nycklar.kommun_kod,
        nycklar.ar,
        nycklar.insats_kod,
        nycklar.regi,
        nycklar.enhet_kod,
        coalesce(enhetsnamn.enhet_namn, 'Ingen enhet i kpb_enheter') as enhet_namn,
        cast(coalesce(direkt.direkt_kostnad, 0) as decimal(18, 2)) as direkt_kostnad,
        coalesce(direkt.antal_huvudboksrader, 0) as antal_huvudboksrader,
        cast(coalesce(volym.volym_beviljad, 0) as decimal(18, 4)) as volym_beviljad,
        cast(coalesce(volym.volym_utford, 0) as decimal(18, 4)) as volym_utford,
        coalesce(volym.antal_brukare_beviljad, 0) as antal_brukare_beviljad,
        coalesce(volym.antal_brukare_utford, 0) as antal_brukare_utford
    from nycklar
    left join enhetsnamn
        on nycklar.enhet_kod = enhetsnamn.enhet_kod
    left join direkt
        on
            nycklar.kommun_kod = direkt.kommun_kod
            and nycklar.ar = direkt.ar
            and nycklar.insats_kod = direkt.insats_kod
            and nycklar.regi = direkt.regi
            and nycklar.enhet_kod = direkt.enhet_kod
    left join volym
        on
            nycklar.kommun_kod = volym.kommun_kod
            and nycklar.ar = volym.ar
            and nycklar.insats_kod = volym.insats_kod
            and nycklar.regi = volym.regi
            and nycklar.enhet_kod = volym.enhet_kod
)

select * from final
