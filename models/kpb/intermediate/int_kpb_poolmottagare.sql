-- The receivers of every pool per municipality and year, with their key value (KPB step 3).
-- kpb_poolmottagare names an insats, an area (every insats of the area), another pool or utanfor_kpb (the part
-- of the pool that belongs outside KPB), with a regi filter ('*' or empty = both regi); a municipality's own rows
-- for a pool replace the '*' rows for that pool. A receiving insats is a cost object that exists in the
-- municipality and year (int_kpb_kostnadsobjekt). The key:
--   direkt_kostnad  receiver's net direct cost (öre)        volym    receiver's volume of the volume type used
--   personaltimmar  staff hours (seed kpb_personaltimmar)    lika     1 per receiver
--   brukare         the receiver's number of brukare         andel    the receiver row's fixed share (millionths)
-- An andel left empty in kpb_poolmottagare is the ledger's own share (int_kpb_overheadandel.kpb_andel, split equally
-- over the pool's empty in-KPB receivers; an empty utanfor_kpb row gets 1 − kpb_andel); a value in the seed
-- overrides it (issue 22, fix 2). andel_kalla says which.
-- and a receiving pool's key is its own booked cost (1 for lika, its andel for andel). nyckel_heltal is the key as
-- an integer (öre, ten-thousandths of a volume or hour, millionths of a share) for the exact allocation.
with

pooler as (
    select * from {{ ref('int_kpb_poolkostnader') }}
),

mottagarregler as (
    select * from {{ ref('kpb_poolmottagare') }}
),

objekt as (
    select * from {{ ref('int_kpb_kostnadsobjekt') }}
),

overheadandel as (
    select * from {{ ref('int_kpb_overheadandel') }}
),

kandidatregler as (
    select
        pooler.kommun_kod,
        pooler.ar,
        pooler.pool_id,
        pooler.fordelningsnyckel,
        mottagarregler.kommun_kod as regel_kommun_kod,
        mottagarregler.mottagare_typ,
        mottagarregler.mottagare,
        coalesce(mottagarregler.regi, '*') as regi,
        mottagarregler.andel as seed_andel,
        overheadandel.kpb_andel as huvudbok_andel,
        max(case when mottagarregler.kommun_kod <> '*' then 1 else 0 end) over (
            partition by pooler.kommun_kod, pooler.ar, pooler.pool_id
        ) as har_egna_regler
    from pooler
    inner join mottagarregler
        on
            pooler.pool_id = mottagarregler.pool_id
            and (pooler.kommun_kod = mottagarregler.kommun_kod or mottagarregler.kommun_kod = '*')
    left join overheadandel
        on {{ lika_kolumner('pooler', 'overheadandel', ['kommun_kod', 'ar']) }}
),

gallande_kandidater as (
    select
        *,
        sum(case when seed_andel is null and mottagare_typ <> 'utanfor_kpb' then 1 else 0 end) over (
            partition by kommun_kod, ar, pool_id
        ) as antal_tomma_kpb_mottagare
    from kandidatregler
    where regel_kommun_kod <> '*' or har_egna_regler = 0
),

gallande_regler as (
    select
        *,
        case
            when seed_andel is not null then seed_andel
            when mottagare_typ = 'utanfor_kpb' then 1 - huvudbok_andel
            else huvudbok_andel / antal_tomma_kpb_mottagare
        end as andel,
        case
            when fordelningsnyckel <> 'andel' then null
            when seed_andel is not null then 'kpb_poolmottagare'
            else 'huvudbok'
        end as andel_kalla
    from gallande_kandidater
),

insatsmottagare as (
    select distinct
        gallande_regler.kommun_kod,
        gallande_regler.ar,
        gallande_regler.pool_id,
        gallande_regler.fordelningsnyckel,
        objekt.insats_kod,
        objekt.regi,
        objekt.direkt_kostnad,
        objekt.volym,
        objekt.personaltimmar,
        objekt.antal_brukare,
        gallande_regler.andel,
        gallande_regler.andel_kalla
    from gallande_regler
    inner join objekt
        on
            {{ lika_kolumner('gallande_regler', 'objekt', ['kommun_kod', 'ar']) }}
            and (
                (gallande_regler.mottagare_typ = 'insats' and gallande_regler.mottagare = objekt.insats_kod)
                or (gallande_regler.mottagare_typ = 'omrade' and gallande_regler.mottagare = objekt.omrade)
            )
            and (gallande_regler.regi = '*' or gallande_regler.regi = objekt.regi)
),

poolmottagare as (
    select distinct
        gallande_regler.kommun_kod,
        gallande_regler.ar,
        gallande_regler.pool_id,
        gallande_regler.fordelningsnyckel,
        mottagande_pool.pool_id as mottagare_pool_id,
        mottagande_pool.bokford_kostnad,
        gallande_regler.andel,
        gallande_regler.andel_kalla
    from gallande_regler
    inner join pooler as mottagande_pool
        on
            {{ lika_kolumner('gallande_regler', 'mottagande_pool', ['kommun_kod', 'ar']) }}
            and gallande_regler.mottagare = mottagande_pool.pool_id
    where gallande_regler.mottagare_typ = 'pool'
),

insatsnycklar as (
    select
        kommun_kod,
        ar,
        pool_id,
        fordelningsnyckel,
        'insats:' || insats_kod || ':' || regi as mottagare_id,
        'insats' as mottagare_typ,
        insats_kod as mottagare_insats_kod,
        regi as mottagare_regi,
        null as mottagare_pool_id,
        {{ kpb_poolnyckel('fordelningsnyckel', [
            ('direkt_kostnad', 'direkt_kostnad'), ('volym', 'volym'), ('personaltimmar', 'personaltimmar'),
            ('lika', '1'), ('brukare', 'antal_brukare'), ('andel', 'andel')]) | indent(8) }},
        andel_kalla
    from insatsmottagare
),

poolnycklar as (
    select
        kommun_kod,
        ar,
        pool_id,
        fordelningsnyckel,
        'pool:' || mottagare_pool_id as mottagare_id,
        'pool' as mottagare_typ,
        null as mottagare_insats_kod,
        null as mottagare_regi,
        mottagare_pool_id,
        {{ kpb_poolnyckel('fordelningsnyckel', [('lika', '1'), ('andel', 'andel')],
            annars=('bokford_kostnad', 'direkt_kostnad')) | indent(8) }},
        andel_kalla
    from poolmottagare
),

{# the part of a pool that belongs outside KPB (e.g. the rest of the municipality-wide overhead): a receiver like the
    others, keyed by its share (key andel) or 1 (lika); it reaches no insats and kpb.avstamning shows it as excluded #}
utanfornycklar as (
    select distinct
        gallande_regler.kommun_kod,
        gallande_regler.ar,
        gallande_regler.pool_id,
        gallande_regler.fordelningsnyckel,
        'utanfor:' || gallande_regler.mottagare as mottagare_id,
        'utanfor_kpb' as mottagare_typ,
        null as mottagare_insats_kod,
        null as mottagare_regi,
        null as mottagare_pool_id,
        {{ kpb_poolnyckel('gallande_regler.fordelningsnyckel', [('andel', 'gallande_regler.andel')],
            annars=('1', 'lika')) | indent(8) }},
        gallande_regler.andel_kalla
    from gallande_regler
    where gallande_regler.mottagare_typ = 'utanfor_kpb'
),

final as (
    select * from insatsnycklar
    union all
    select * from poolnycklar
    union all
    select * from utanfornycklar
)

select * from final
