-- The cost objects of KPB: one row per municipality, year, standard insats and regi that has a direct cost in the
-- ledger or a volume in the operational system, with its net direct cost (KPB step 3), its volumes and the key
-- values the pools are allocated by (volume of the volume type used, staff hours).
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

volymer as (
    select * from {{ ref('int_kpb_volymer_oversatta') }}
),

standardinsatser as (
    select * from {{ ref('kpb_standardinsatser') }}
),

personaltimmar as (
    select * from {{ ref('kpb_personaltimmar') }}
),

direkt as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        sum(belopp) as direkt_kostnad,
        count(*) as antal_huvudboksrader
    from oversatt
    where maltyp = 'insats'
    group by kommun_kod, ar, insats_kod, regi
),

volym_per_typ as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        sum(case when volymtyp = 'beviljad' then volym else 0 end) as volym_beviljad,
        sum(case when volymtyp = 'utford' then volym else 0 end) as volym_utford,
        count(distinct case when volymtyp = 'beviljad' then person_id end) as antal_brukare_beviljad,
        count(distinct case when volymtyp = 'utford' then person_id end) as antal_brukare_utford
    from volymer
    where insats_kod is not null
    group by kommun_kod, ar, insats_kod, regi
),

objekt as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi
    from direkt
    union
    select
        kommun_kod,
        ar,
        insats_kod,
        regi
    from volym_per_typ
),

med_attribut as (
    select
        objekt.kommun_kod,
        objekt.ar,
        objekt.insats_kod,
        objekt.regi,
        standardinsatser.insats_namn,
        standardinsatser.omrade,
        standardinsatser.mattenhet,
        {{ kpb_volymtyp_anvand('objekt.insats_kod', 'standardinsatser.volymtyp') }} as volymtyp,
        coalesce(standardinsatser.is_brukarrelaterad, true) as is_brukarrelaterad,
        coalesce(standardinsatser.is_sarskilt_boende, false) as is_sarskilt_boende,
        cast(coalesce(direkt.direkt_kostnad, 0) as decimal(18, 2)) as direkt_kostnad,
        coalesce(direkt.antal_huvudboksrader, 0) as antal_huvudboksrader,
        cast(coalesce(volym_per_typ.volym_beviljad, 0) as decimal(18, 4)) as volym_beviljad,
        cast(coalesce(volym_per_typ.volym_utford, 0) as decimal(18, 4)) as volym_utford,
        coalesce(volym_per_typ.antal_brukare_beviljad, 0) as antal_brukare_beviljad,
        coalesce(volym_per_typ.antal_brukare_utford, 0) as antal_brukare_utford,
        cast(coalesce(kommunens_timmar.personaltimmar, alla_kommuners_timmar.personaltimmar, 0) as decimal(18, 4))
            as personaltimmar
    from objekt
    left join standardinsatser
        on objekt.insats_kod = standardinsatser.insats_kod
    left join direkt
        on {{ lika_kolumner('objekt', 'direkt', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join volym_per_typ
        on {{ lika_kolumner('objekt', 'volym_per_typ', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join personaltimmar as kommunens_timmar
        on {{ lika_kolumner('objekt', 'kommunens_timmar', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join personaltimmar as alla_kommuners_timmar
        on
            alla_kommuners_timmar.kommun_kod = '*'
            and objekt.ar = alla_kommuners_timmar.ar
            and objekt.insats_kod = alla_kommuners_timmar.insats_kod
            and objekt.regi = alla_kommuners_timmar.regi
),

final as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        insats_namn,
        omrade,
        mattenhet,
        volymtyp,
        is_brukarrelaterad,
        is_sarskilt_boende,
        direkt_kostnad,
        antal_huvudboksrader,
        cast(
            case
                when volymtyp = 'beviljad' then volym_beviljad
                when volymtyp = 'utford' then volym_utford
                else 0
            end as decimal(18, 4)
        ) as volym,
        volym_beviljad,
        volym_utford,
        case
            when volymtyp = 'beviljad' then antal_brukare_beviljad
            when volymtyp = 'utford' then antal_brukare_utford
            else 0
        end as antal_brukare,
        personaltimmar
    from med_attribut
)

select * from final
