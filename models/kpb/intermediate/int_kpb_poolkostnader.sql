-- Shared cost pools per municipality and year (KPB step 3): the pool's configuration (kpb_kostnadspooler; a row
-- for the municipality overrides '*') and the cost booked on it in the ledger. A pool booked in the ledger but not
-- configured for the municipality has ordning NULL (tests/kpb/kpb_pooler_konfiguration.sql fails).
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

pooler as (
    select * from {{ ref('kpb_kostnadspooler') }}
),

kommunar as (
    select distinct
        kommun_kod,
        ar
    from oversatt
),

pool_ids as (
    select distinct pool_id from pooler
),

konfigurerade as (
    select
        kommunar.kommun_kod,
        kommunar.ar,
        pool_ids.pool_id,
        coalesce(kommunens_pool.pool_namn, alla_kommuners_pool.pool_namn) as pool_namn,
        coalesce(kommunens_pool.ordning, alla_kommuners_pool.ordning) as ordning,
        coalesce(kommunens_pool.fordelningsnyckel, alla_kommuners_pool.fordelningsnyckel) as fordelningsnyckel
    from kommunar
    cross join pool_ids
    left join pooler as kommunens_pool
        on
            kommunar.kommun_kod = kommunens_pool.kommun_kod
            and pool_ids.pool_id = kommunens_pool.pool_id
    left join pooler as alla_kommuners_pool
        on
            alla_kommuners_pool.kommun_kod = '*'
            and pool_ids.pool_id = alla_kommuners_pool.pool_id
    where kommunens_pool.pool_id is not null or alla_kommuners_pool.pool_id is not null
),

bokfort as (
    select
        kommun_kod,
        ar,
        pool_id,
        sum(belopp) as bokford_kostnad,
        count(*) as antal_huvudboksrader
    from oversatt
    where maltyp = 'pool'
    group by kommun_kod, ar, pool_id
),

nycklar as (
    select
        kommun_kod,
        ar,
        pool_id
    from konfigurerade
    union
    select
        kommun_kod,
        ar,
        pool_id
    from bokfort
),

final as (
    select
        nycklar.kommun_kod,
        nycklar.ar,
        nycklar.pool_id,
        konfigurerade.pool_namn,
        konfigurerade.ordning,
        konfigurerade.fordelningsnyckel,
        cast(coalesce(bokfort.bokford_kostnad, 0) as decimal(18, 2)) as bokford_kostnad,
        coalesce(bokfort.antal_huvudboksrader, 0) as antal_huvudboksrader
    from nycklar
    left join konfigurerade
        on {{ lika_kolumner('nycklar', 'konfigurerade', ['kommun_kod', 'ar', 'pool_id']) }}
    left join bokfort
        on {{ lika_kolumner('nycklar', 'bokfort', ['kommun_kod', 'ar', 'pool_id']) }}
)

select * from final
