-- Each pool is fully allocated, to the öre: booked + received from lower-order pools = Σ allocated (domain §1.4).
{{ config(severity='error', tags=['kpb', 'insatskostnad', 'error']) }}
{%- set avvikelser %}
with

pooler as (
    select * from {{ ref('int_kpb_poolkostnader') }}
),

fordelning as (
    select * from {{ ref('int_kpb_poolfordelning') }}
),

mottaget as (
    select
        kommun_kod,
        ar,
        mottagare_pool_id as pool_id,
        sum(fordelad_kostnad) as mottagen_kostnad
    from fordelning
    where mottagare_typ = 'pool'
    group by kommun_kod, ar, mottagare_pool_id
),

fordelat as (
    select
        kommun_kod,
        ar,
        pool_id,
        count(*) as antal_mottagare,
        count(fordelat_ore) as antal_fordelade,
        sum(fordelad_kostnad) as fordelad_kostnad
    from fordelning
    group by kommun_kod, ar, pool_id
)

select
    pooler.kommun_kod,
    pooler.ar,
    pooler.pool_id,
    pooler.ordning,
    pooler.bokford_kostnad,
    coalesce(mottaget.mottagen_kostnad, 0) as mottagen_kostnad,
    coalesce(fordelat.fordelad_kostnad, 0) as fordelad_kostnad,
    coalesce(fordelat.antal_mottagare, 0) as antal_mottagare
from pooler
left join mottaget
    on pooler.kommun_kod = mottaget.kommun_kod and pooler.ar = mottaget.ar and pooler.pool_id = mottaget.pool_id
left join fordelat
    on pooler.kommun_kod = fordelat.kommun_kod and pooler.ar = fordelat.ar and pooler.pool_id = fordelat.pool_id
where
    pooler.bokford_kostnad + coalesce(mottaget.mottagen_kostnad, 0) <> coalesce(fordelat.fordelad_kostnad, 0)
    or coalesce(fordelat.antal_mottagare, 0) <> coalesce(fordelat.antal_fordelade, 0)
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: pools not fully allocated (no receiver with a positive key, or a receiver pool of lower order)', ref('int_kpb_poolfordelning')) }}
{{ avvikelser }}
