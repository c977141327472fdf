-- KPB step 3: the step-down allocation of the shared cost pools, exact to the öre.
-- Pools are allocated in ascending ordning. A pool of ordning n allocates its booked cost plus what it received
-- from pools of lower ordning, onto its receivers (insatser, or pools of higher ordning), in proportion to their
-- key, with the largest-remainder method in öre (macro kpb_storsta_rest): Σ allocated = pool cost exactly.
-- The step-down is unrolled over ordning 1 .. var kpb_max_ordning (no recursion, portable);
-- tests/kpb/kpb_pooler_konfiguration.sql fails when a pool has an ordning outside that range or allocates onto a
-- pool of the same or lower ordning. One row per municipality, year, pool and receiver.
{%- set max_ordning = installning('kpb_max_ordning') %}
{%- set behall = [
    'kommun_kod', 'ar', 'pool_id', 'ordning', 'fordelningsnyckel', 'bokford_ore', 'mottaget_ore', 'pool_ore',
    'mottagare_id', 'mottagare_typ', 'mottagare_insats_kod', 'mottagare_regi', 'mottagare_pool_id',
    'nyckel_varde', 'nyckel_heltal'] %}

with

pooler as (
    select * from {{ ref('int_kpb_poolkostnader') }}
),

mottagare as (
    select * from {{ ref('int_kpb_poolmottagare') }}
),

-- the CTEs below are generated once per step-down level; sqlfluff cannot follow the indentation of a jinja loop
-- noqa: disable=layout.indent
{% for n in range(1, max_ordning + 1) %}
{%- if n > 1 %}
niva_{{ n }}_mottaget as (
    {%- for k in range(1, n) %}
    select
        kommun_kod,
        ar,
        mottagare_pool_id,
        fordelat_ore
    from niva_{{ k }}_fordelning
    where mottagare_typ = 'pool'
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
{% endif %}
niva_{{ n }}_belopp as (
    select
        pooler.kommun_kod,
        pooler.ar,
        pooler.pool_id,
        pooler.ordning,
        {{ kpb_till_ore('pooler.bokford_kostnad') }} as bokford_ore,
        {%- if n > 1 %}
        coalesce(sum(niva_{{ n }}_mottaget.fordelat_ore), 0) as mottaget_ore
        {%- else %}
        0 as mottaget_ore
        {%- endif %}
    from pooler
    {%- if n > 1 %}
    left join niva_{{ n }}_mottaget
        on
            pooler.kommun_kod = niva_{{ n }}_mottaget.kommun_kod
            and pooler.ar = niva_{{ n }}_mottaget.ar
            and pooler.pool_id = niva_{{ n }}_mottaget.mottagare_pool_id
    {%- endif %}
    where pooler.ordning = {{ n }}
    group by pooler.kommun_kod, pooler.ar, pooler.pool_id, pooler.ordning, pooler.bokford_kostnad
),

niva_{{ n }}_underlag as (
    select
        niva_{{ n }}_belopp.kommun_kod,
        niva_{{ n }}_belopp.ar,
        niva_{{ n }}_belopp.pool_id,
        niva_{{ n }}_belopp.ordning,
        niva_{{ n }}_belopp.bokford_ore,
        niva_{{ n }}_belopp.mottaget_ore,
        niva_{{ n }}_belopp.bokford_ore + niva_{{ n }}_belopp.mottaget_ore as pool_ore,
        mottagare.fordelningsnyckel,
        mottagare.mottagare_id,
        mottagare.mottagare_typ,
        mottagare.mottagare_insats_kod,
        mottagare.mottagare_regi,
        mottagare.mottagare_pool_id,
        mottagare.nyckel_varde,
        mottagare.nyckel_heltal
    from niva_{{ n }}_belopp
    inner join mottagare
        on
            niva_{{ n }}_belopp.kommun_kod = mottagare.kommun_kod
            and niva_{{ n }}_belopp.ar = mottagare.ar
            and niva_{{ n }}_belopp.pool_id = mottagare.pool_id
),

niva_{{ n }}_fordelning as (
    {{ kpb_storsta_rest(
        'niva_' ~ n ~ '_underlag',
        grupp=['kommun_kod', 'ar', 'pool_id'],
        belopp_ore='pool_ore',
        nyckel='nyckel_heltal',
        ordning=['mottagare_id'],
        behall=behall) | indent(4) }}
),
{% endfor %}
alla_nivaer as (
    {%- for n in range(1, max_ordning + 1) %}
    select * from niva_{{ n }}_fordelning
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
-- noqa: enable=layout.indent

final as (
    select
        kommun_kod,
        ar,
        pool_id,
        ordning,
        fordelningsnyckel,
        {{ kpb_till_kronor('bokford_ore') }} as bokford_kostnad,
        {{ kpb_till_kronor('mottaget_ore') }} as mottagen_kostnad,
        {{ kpb_till_kronor('pool_ore') }} as pool_kostnad,
        mottagare_id,
        mottagare_typ,
        mottagare_insats_kod,
        mottagare_regi,
        mottagare_pool_id,
        nyckel_varde,
        nyckel_heltal,
        nyckelsumma,
        {{ kpb_kvot('nyckel_heltal', 'nyckelsumma', 6) }} as andel,
        fordelat_ore,
        {{ kpb_till_kronor('fordelat_ore') }} as fordelad_kostnad
    from alla_nivaer
)

select * from final
