-- KPB step 6: the reconciliation per municipality and year, from the ledger to the persons, in kronor to the öre.
--   huvudbok_belopp = exkluderat_belopp + omappat_belopp + direkt_kostnad + poolkostnad   (translation)
--   omappat_belopp  = 0                                                                   (every row has a target)
--   direkt_kostnad + poolkostnad = insats_total                                           (pools fully allocated)
--   insats_total    = brukar_total + ej_brukarrelaterad_kostnad + ej_fordelbar_kostnad    (persons)
--   differens       = huvudbok_belopp − exkluderat_belopp
--                     − (brukar_total + ej_brukarrelaterad_kostnad + ej_fordelbar_kostnad) = 0
-- Each identity is a test in tests/kpb (severity error); the partial gaps are given as differens_* columns.
-- The part of a pool allocated outside KPB (receiver utanfor_kpb in kpb_poolmottagare, e.g. the share of the
-- municipality-wide overhead that belongs to schools, IFO ...) is excluded: it is in exkluderat_belopp (and in
-- pool_utanfor_kpb), and poolkostnad is the pool cost that stays in KPB.
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

brukarkostnad as (
    select * from {{ ref('brukarkostnad') }}
),

poolfordelning as (
    select * from {{ ref('int_kpb_poolfordelning') }}
),

utanfor as (
    select
        kommun_kod,
        ar,
        sum(fordelad_kostnad) as pool_utanfor_kpb
    from poolfordelning
    where mottagare_typ = 'utanfor_kpb'
    group by kommun_kod, ar
),

huvudbok as (
    select
        kommun_kod,
        ar,
        sum(belopp) as huvudbok_belopp,
        sum(case when maltyp = 'exkludera' then belopp else 0 end) as exkluderat_belopp,
        sum(case when maltyp in ('omappad', 'tvetydig') then belopp else 0 end) as omappat_belopp,
        sum(case when maltyp = 'insats' then belopp else 0 end) as direkt_kostnad,
        sum(case when maltyp = 'pool' then belopp else 0 end) as poolkostnad,
        count(*) as antal_huvudboksrader,
        sum(case when maltyp in ('omappad', 'tvetydig') then 1 else 0 end) as antal_omappade_rader
    from oversatt
    group by kommun_kod, ar
),

insatser as (
    select
        kommun_kod,
        ar,
        sum(fordelad_kostnad) as fordelad_kostnad,
        sum(total_kostnad) as insats_total,
        sum(case when kostnadsslag = 'ej_brukarrelaterad' then total_kostnad else 0 end) as ej_brukarrelaterad_kostnad,
        sum(case when kostnadsslag = 'ej_fordelbar' then total_kostnad else 0 end) as ej_fordelbar_kostnad
    from insatskostnad
    group by kommun_kod, ar
),

brukare as (
    select
        kommun_kod,
        ar,
        sum(kostnad) as brukar_total,
        count(distinct person_id) as antal_brukare
    from brukarkostnad
    group by kommun_kod, ar
),

kommunar as (
    select
        kommun_kod,
        ar
    from huvudbok
    union
    select
        kommun_kod,
        ar
    from insatser
),

belopp as (
    select
        kommunar.kommun_kod,
        kommunar.ar,
        coalesce(huvudbok.huvudbok_belopp, 0) as huvudbok_belopp,
        coalesce(huvudbok.exkluderat_belopp, 0) + coalesce(utanfor.pool_utanfor_kpb, 0) as exkluderat_belopp,
        coalesce(utanfor.pool_utanfor_kpb, 0) as pool_utanfor_kpb,
        coalesce(huvudbok.omappat_belopp, 0) as omappat_belopp,
        coalesce(huvudbok.direkt_kostnad, 0) as direkt_kostnad,
        coalesce(huvudbok.poolkostnad, 0) - coalesce(utanfor.pool_utanfor_kpb, 0) as poolkostnad,
        coalesce(insatser.fordelad_kostnad, 0) as fordelad_kostnad,
        coalesce(insatser.insats_total, 0) as insats_total,
        coalesce(brukare.brukar_total, 0) as brukar_total,
        coalesce(insatser.ej_brukarrelaterad_kostnad, 0) as ej_brukarrelaterad_kostnad,
        coalesce(insatser.ej_fordelbar_kostnad, 0) as ej_fordelbar_kostnad,
        coalesce(huvudbok.antal_huvudboksrader, 0) as antal_huvudboksrader,
        coalesce(huvudbok.antal_omappade_rader, 0) as antal_omappade_rader,
        coalesce(brukare.antal_brukare, 0) as antal_brukare
    from kommunar
    left join huvudbok
        on kommunar.kommun_kod = huvudbok.kommun_kod and kommunar.ar = huvudbok.ar
    left join insatser
        on kommunar.kommun_kod = insatser.kommun_kod and kommunar.ar = insatser.ar
    left join brukare
        on kommunar.kommun_kod = brukare.kommun_kod and kommunar.ar = brukare.ar
    left join utanfor
        on kommunar.kommun_kod = utanfor.kommun_kod and kommunar.ar = utanfor.ar
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        cast(huvudbok_belopp as decimal(18, 2)) as huvudbok_belopp,
        cast(exkluderat_belopp as decimal(18, 2)) as exkluderat_belopp,
        cast(pool_utanfor_kpb as decimal(18, 2)) as pool_utanfor_kpb,
        cast(omappat_belopp as decimal(18, 2)) as omappat_belopp,
        cast(direkt_kostnad as decimal(18, 2)) as direkt_kostnad,
        cast(poolkostnad as decimal(18, 2)) as poolkostnad,
        cast(fordelad_kostnad as decimal(18, 2)) as fordelad_kostnad,
        cast(poolkostnad - fordelad_kostnad as decimal(18, 2)) as ofordelad_poolkostnad,
        cast(insats_total as decimal(18, 2)) as insats_total,
        cast(brukar_total as decimal(18, 2)) as brukar_total,
        cast(ej_brukarrelaterad_kostnad as decimal(18, 2)) as ej_brukarrelaterad_kostnad,
        cast(ej_fordelbar_kostnad as decimal(18, 2)) as ej_fordelbar_kostnad,
        cast(
            huvudbok_belopp - exkluderat_belopp - omappat_belopp - direkt_kostnad - poolkostnad as decimal(18, 2)
        ) as differens_oversattning,
        cast(direkt_kostnad + poolkostnad - insats_total as decimal(18, 2)) as differens_fordelning,
        cast(
            insats_total - brukar_total - ej_brukarrelaterad_kostnad - ej_fordelbar_kostnad as decimal(18, 2)
        ) as differens_brukare,
        cast(
            huvudbok_belopp - exkluderat_belopp
            - (brukar_total + ej_brukarrelaterad_kostnad + ej_fordelbar_kostnad) as decimal(18, 2)
        ) as differens,
        cast(antal_huvudboksrader as bigint) as antal_huvudboksrader,
        cast(antal_omappade_rader as bigint) as antal_omappade_rader,
        cast(antal_brukare as bigint) as antal_brukare
    from belopp
)

select * from final
{{- radordning() }}
