-- What-if of the allocation keys (issue 22): for every pool that allocates onto insatser, the part it allocates to
-- insatser under its configured key re-allocated over the SAME receivers by each alternative key (direkt_kostnad,
-- volym, personaltimmar, brukare, lika), with the unit cost per insats and regi side by side with the configured
-- one, without editing a seed or rebuilding. Per alternative:
--   fordelad_kostnad_scenario  the pool's insats part × key(i) / Σ key, largest remainder in öre (kpb_storsta_rest),
--                              so Σ over the receivers = the configured Σ exactly (tests/kpb/kpb_nyckelscenarier_
--                              avstamning.sql); a negative direct cost counts as 0;
--   total_kostnad_scenario     insatskostnad.total_kostnad − the pool's configured part + the scenario part;
--   enhetskostnad_scenario     total_kostnad_scenario / the insats's volume (NULL without volume).
-- One pool is changed at a time (the others keep their configured key); pools that allocate only onto other pools
-- (the step-down's upper levels) are not varied. An alternative whose keys are all 0 (e.g. no staff hours) has no
-- rows for the pool and appears in nyckel_saknas of kpb.nyckelscenarier_pooler.
{%- set alternativ = ['direkt_kostnad', 'volym', 'personaltimmar', 'brukare', 'lika'] %}
with

mottagare as (
    select * from {{ ref('int_kpb_poolmottagare') }}
    where mottagare_typ = 'insats'
),

fordelning as (
    select * from {{ ref('int_kpb_poolfordelning') }}
    where mottagare_typ = 'insats'
),

objekt as (
    select * from {{ ref('int_kpb_kostnadsobjekt') }}
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

pool_till_insatser as (
    select
        kommun_kod,
        ar,
        pool_id,
        sum(fordelat_ore) as insatsdel_ore
    from fordelning
    group by kommun_kod, ar, pool_id
),

nycklar as (
    {%- for nyckel in alternativ %}
        select
            mottagare.kommun_kod,
            mottagare.ar,
            mottagare.pool_id,
            mottagare.fordelningsnyckel as konfigurerad_nyckel,
            '{{ nyckel }}' as nyckel,
            mottagare.mottagare_insats_kod as insats_kod,
            mottagare.mottagare_regi as regi,
            mottagare.mottagare_id,
            pool_till_insatser.insatsdel_ore,
            {%- if nyckel == 'direkt_kostnad' %}
                case when objekt.direkt_kostnad > 0 then {{ kpb_till_ore('objekt.direkt_kostnad') }} else 0 end
            {%- elif nyckel == 'volym' %}
                {{ kpb_till_tiotusendelar('coalesce(objekt.volym, 0)') }}
            {%- elif nyckel == 'personaltimmar' %}
                {{ kpb_till_tiotusendelar('coalesce(objekt.personaltimmar, 0)') }}
            {%- elif nyckel == 'brukare' %}
                cast(coalesce(objekt.antal_brukare, 0) as bigint)
            {%- else %}
                cast(1 as bigint)
            {%- endif %} as nyckel_heltal
        from mottagare
        inner join pool_till_insatser
            on {{ lika_kolumner('mottagare', 'pool_till_insatser', ['kommun_kod', 'ar', 'pool_id']) }}
        inner join objekt
            on
                {{ lika_kolumner('mottagare', 'objekt', ['kommun_kod', 'ar']) }}
                and mottagare.mottagare_insats_kod = objekt.insats_kod
                and mottagare.mottagare_regi = objekt.regi
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

scenarier as (
    {{ kpb_storsta_rest(
        'nycklar',
        grupp=['kommun_kod', 'ar', 'pool_id', 'nyckel'],
        belopp_ore='insatsdel_ore',
        nyckel='nyckel_heltal',
        ordning=['mottagare_id'],
        behall=['kommun_kod', 'ar', 'pool_id', 'konfigurerad_nyckel', 'nyckel', 'insats_kod', 'regi',
            'insatsdel_ore', 'nyckel_heltal']) | indent(4) }}
),

final as (
    select
        scenarier.kommun_kod,
        cast(scenarier.ar as integer) as ar,
        scenarier.pool_id,
        scenarier.nyckel,
        scenarier.konfigurerad_nyckel,
        scenarier.nyckel = scenarier.konfigurerad_nyckel as is_konfigurerad,
        scenarier.insats_kod,
        scenarier.regi,
        {{ kpb_till_kronor('scenarier.insatsdel_ore') }} as pool_insatsdel,
        {{ kpb_till_kronor('coalesce(fordelning.fordelat_ore, 0)') }} as fordelad_kostnad_konfigurerad,
        {{ kpb_till_kronor('scenarier.fordelat_ore') }} as fordelad_kostnad_scenario,
        insatskostnad.volymtyp,
        insatskostnad.mattenhet,
        insatskostnad.volym,
        insatskostnad.total_kostnad as total_kostnad_konfigurerad,
        {{ kpb_till_kronor(
            kpb_till_ore('insatskostnad.total_kostnad')
            ~ ' - coalesce(fordelning.fordelat_ore, 0) + scenarier.fordelat_ore') }} as total_kostnad_scenario,
        insatskostnad.enhetskostnad as enhetskostnad_konfigurerad,
        {{ kpb_kvot(
            '(' ~ kpb_till_ore('insatskostnad.total_kostnad')
            ~ ' - coalesce(fordelning.fordelat_ore, 0) + scenarier.fordelat_ore) * 100',
            kpb_till_tiotusendelar('insatskostnad.volym'), 4) }} as enhetskostnad_scenario
    from scenarier
    inner join insatskostnad
        on {{ lika_kolumner('scenarier', 'insatskostnad', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join fordelning
        on
            {{ lika_kolumner('scenarier', 'fordelning', ['kommun_kod', 'ar', 'pool_id']) }}
            and scenarier.insats_kod = fordelning.mottagare_insats_kod
            and scenarier.regi = fordelning.mottagare_regi
    where scenarier.nyckelsumma > 0
)

select * from final
{{- radordning() }}
