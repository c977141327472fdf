-- The step-down is unrolled over ordning 1 .. var kpb_max_ordning: a pool outside that range, a pool booked in
-- the ledger but not configured, or a pool that allocates onto a pool of the same or lower ordning would lose money.
{{ config(severity='error', tags=['kpb', 'insatskostnad', 'error']) }}
{%- set avvikelser %}
with

pooler as (
    select * from {{ ref('int_kpb_poolkostnader') }}
),

mottagare as (
    select * from {{ ref('int_kpb_poolmottagare') }}
)

select
    pooler.kommun_kod,
    pooler.ar,
    pooler.pool_id,
    pooler.ordning,
    null as mottagare_pool_id,
    case
        when pooler.ordning is null then 'pool bokford men inte konfigurerad for kommunen'
        else 'ordning utanfor 1..{{ installning("kpb_max_ordning") }} (var kpb_max_ordning)'
    end as fel
from pooler
where pooler.ordning is null or pooler.ordning < 1 or pooler.ordning > {{ installning('kpb_max_ordning') }}

union all

select
    avsandare.kommun_kod,
    avsandare.ar,
    avsandare.pool_id,
    avsandare.ordning,
    mottagare.mottagare_pool_id,
    'mottagande pool har samma eller lagre ordning' as fel
from mottagare
inner join pooler as avsandare
    on {{ lika_kolumner('mottagare', 'avsandare', ['kommun_kod', 'ar', 'pool_id']) }}
inner join pooler as mottagande
    on
        {{ lika_kolumner('mottagare', 'mottagande', ['kommun_kod', 'ar']) }}
        and mottagare.mottagare_pool_id = mottagande.pool_id
where mottagare.mottagare_typ = 'pool' and mottagande.ordning <= avsandare.ordning
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: pool configuration errors (ordning outside 1..kpb_max_ordning, pool booked but not configured, or a pool allocating onto a pool of the same or lower ordning)', ref('int_kpb_poolmottagare')) }}
{{ avvikelser }}
