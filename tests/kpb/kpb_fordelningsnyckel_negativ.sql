-- Allocation keys must be non-negative: a negative key (net revenue larger than cost on a receiving insats) has no
-- meaning as a share. Change the pool's key or its receivers.
{{ config(severity='error', tags=['kpb', 'insatskostnad', 'error']) }}
{{ kpb_avvikande_rader(
    ref('int_kpb_poolmottagare'),
    ['kommun_kod', 'ar', 'pool_id', 'fordelningsnyckel', 'mottagare_id', 'nyckel_varde'],
    "nyckel_heltal < 0",
    'KPB: negative allocation keys (a receiver with negative net direct cost, volume or staff hours)'
) }}
