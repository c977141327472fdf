-- Every alternative key of kpb.nyckelscenarier allocates the whole of the pool's part to insatser: Σ
-- fordelad_kostnad_scenario = Σ fordelad_kostnad_konfigurerad = pool_insatsdel per municipality, year, pool and key,
-- to the öre; and the configured key's scenario is today's allocation, row by row.
{{ config(severity='error', tags=['kpb', 'nyckelscenarier', 'error']) }}
{%- set avvikelser %}
with

scenarier as (
    select * from {{ ref('nyckelscenarier') }}
),

summor as (
    select
        kommun_kod,
        ar,
        pool_id,
        nyckel,
        max(pool_insatsdel) as pool_insatsdel,
        sum(fordelad_kostnad_scenario) as scenario,
        sum(fordelad_kostnad_konfigurerad) as konfigurerad
    from scenarier
    group by kommun_kod, ar, pool_id, nyckel
)

select
    kommun_kod,
    ar,
    pool_id,
    nyckel,
    pool_insatsdel,
    scenario,
    konfigurerad
from summor
where scenario <> pool_insatsdel or konfigurerad <> pool_insatsdel

union all

select
    kommun_kod,
    ar,
    pool_id,
    nyckel,
    fordelad_kostnad_konfigurerad,
    fordelad_kostnad_scenario,
    fordelad_kostnad_konfigurerad
from scenarier
where is_konfigurerad and fordelad_kostnad_scenario <> fordelad_kostnad_konfigurerad
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: a key scenario does not allocate the whole pool (pool, key, expected, scenario, configured)', ref('nyckelscenarier')) }}
{{ avvikelser }}
