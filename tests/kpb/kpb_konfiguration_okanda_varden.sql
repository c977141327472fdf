-- KPB configuration errors, named by value: every seed value that must refer to something known (an insats code,
-- a pool, an area, a receiver, an allocation key, a target type, a regi) and does not. One row per bad value, with
-- the seed file, the row (its key columns; rad = the line in the file as loaded, header = line 1), the column,
-- the value and what is wrong. Also printed in the log. Covers kpb_oversattning, kpb_kostnadspooler,
-- kpb_poolmottagare, kpb_lokala_insatskoder, kpb_personaltimmar, kpb_ytterfall_granser and the var kpb_volymtyp.
{{ config(severity='error', tags=['kpb', 'konfiguration', 'error']) }}
{#- the checked seeds, each row with its line in the file (seed_radnummer): (cte, seed) -#}
{%- set seeds = [
    ('oversattning', 'kpb_oversattning'), ('kostnadspooler', 'kpb_kostnadspooler'),
    ('poolmottagare', 'kpb_poolmottagare'), ('lokala', 'kpb_lokala_insatskoder'),
    ('personaltimmar', 'kpb_personaltimmar'), ('ytterfall', 'kpb_ytterfall_granser'),
] %}
{%- set volymtyp_var = installning('kpb_volymtyp') %}
{%- set var_rader = [] %}
{%- for insats, typ in volymtyp_var.items() if insats != '*' %}
    {%- do var_rader.append(
        "union all select 'var kpb_volymtyp', null, '" ~ insats ~ ": " ~ typ ~ "', 'insats_kod', '" ~ insats
        ~ "', 'okand insats_kod (kpb_standardinsatser)' where '" ~ insats
        ~ "' not in (select insats_kod from insatser)") %}
{%- endfor %}
-- the seeds' CTEs come from a jinja loop, whose indentation sqlfluff cannot follow
-- noqa: disable=layout.indent
{%- set avvikelser %}
with

insatser as (
    select insats_kod, omrade from {{ ref('kpb_standardinsatser') }}
),

pooler as (
    select distinct pool_id from {{ ref('kpb_kostnadspooler') }}
),

omraden as (
    select distinct omrade from insatser
),

{#- one CTE per checked seed (the list above) #}
{%- for cte, seed in seeds %}
{{ cte }} as (
    select *, {{ seed_radnummer() }} as rad from {{ ref(seed) }}
),
{% endfor %}
-- noqa: enable=layout.indent

fel as (
    select
        'seeds/kpb/kpb_oversattning.csv' as seed,
        rad,
        'regel_id ' || regel_id as rad_nyckel,
        'maltyp' as kolumn,
        coalesce(maltyp, '(tomt)') as varde,
        'okand maltyp (insats, pool eller exkludera)' as fel
    from oversattning
    where coalesce(maltyp, '') not in ('insats', 'pool', 'exkludera')

    union all
    select
        'seeds/kpb/kpb_oversattning.csv', rad, 'regel_id ' || regel_id, 'insats_kod', coalesce(insats_kod, '(tomt)'),
        case when insats_kod is null then 'maltyp insats utan insats_kod' else 'okand insats_kod (kpb_standardinsatser)' end
    from oversattning
    where
        (maltyp = 'insats' and insats_kod is null)
        or (insats_kod is not null and insats_kod not in (select insats_kod from insatser))

    union all
    select
        'seeds/kpb/kpb_oversattning.csv', rad, 'regel_id ' || regel_id, 'regi', coalesce(regi, '(tomt)'),
        'maltyp insats kraver regi egen eller extern'
    from oversattning
    where maltyp = 'insats' and coalesce(regi, '') not in ('egen', 'extern')

    union all
    select
        'seeds/kpb/kpb_oversattning.csv', rad, 'regel_id ' || regel_id, 'pool_id', coalesce(pool_id, '(tomt)'),
        case when pool_id is null then 'maltyp pool utan pool_id' else 'okand pool_id (kpb_kostnadspooler)' end
    from oversattning
    where
        (maltyp = 'pool' and pool_id is null)
        or (pool_id is not null and pool_id not in (select pool_id from pooler))

    union all
    select
        'seeds/kpb/kpb_oversattning.csv', rad, 'regel_id ' || regel_id, 'exkluderingsorsak', '(tomt)',
        'maltyp exkludera utan exkluderingsorsak'
    from oversattning
    where maltyp = 'exkludera' and exkluderingsorsak is null

    union all
    select
        'seeds/kpb/kpb_kostnadspooler.csv', rad, kommun_kod || ' / ' || pool_id, 'fordelningsnyckel',
        coalesce(fordelningsnyckel, '(tomt)'),
        'okand fordelningsnyckel (direkt_kostnad, volym, personaltimmar, lika, brukare, andel)'
    from kostnadspooler
    where coalesce(fordelningsnyckel, '') not in ('direkt_kostnad', 'volym', 'personaltimmar', 'lika', 'brukare', 'andel')

    union all
    select
        'seeds/kpb/kpb_poolmottagare.csv', rad, kommun_kod || ' / ' || pool_id || ' -> ' || coalesce(mottagare, ''),
        'pool_id', coalesce(pool_id, '(tomt)'), 'okand pool_id (kpb_kostnadspooler)'
    from poolmottagare
    where pool_id is null or pool_id not in (select pool_id from pooler)

    union all
    select
        'seeds/kpb/kpb_poolmottagare.csv', rad, kommun_kod || ' / ' || pool_id || ' -> ' || coalesce(mottagare, ''),
        'mottagare_typ', coalesce(mottagare_typ, '(tomt)'), 'okand mottagare_typ (insats, omrade, pool, utanfor_kpb)'
    from poolmottagare
    where coalesce(mottagare_typ, '') not in ('insats', 'omrade', 'pool', 'utanfor_kpb')

    union all
    select
        'seeds/kpb/kpb_poolmottagare.csv', rad, kommun_kod || ' / ' || pool_id || ' -> ' || coalesce(mottagare, ''),
        'mottagare', coalesce(mottagare, '(tomt)'),
        'okand mottagare for mottagare_typ ' || mottagare_typ
    from poolmottagare
    where
        (mottagare_typ = 'insats' and coalesce(mottagare, '') not in (select insats_kod from insatser))
        or (mottagare_typ = 'omrade' and coalesce(mottagare, '') not in (select omrade from omraden))
        or (mottagare_typ = 'pool' and coalesce(mottagare, '') not in (select pool_id from pooler))

    union all
    select
        'seeds/kpb/kpb_poolmottagare.csv', rad, kommun_kod || ' / ' || pool_id || ' -> ' || coalesce(mottagare, ''),
        'regi', regi, 'okand regi (*, tomt, egen, extern)'
    from poolmottagare
    where regi is not null and regi not in ('*', 'egen', 'extern')

    union all
    select
        'seeds/kpb/kpb_poolmottagare.csv', poolmottagare.rad, poolmottagare.kommun_kod || ' / ' || poolmottagare.pool_id || ' -> '
        || coalesce(poolmottagare.mottagare, ''),
        'andel', coalesce(cast(poolmottagare.andel as {{ dbt.type_string() }}), '(tomt)'),
        'poolen har fordelningsnyckel andel: en angiven andel maste vara > 0 (tom = huvudbokens andel)'
    from poolmottagare
    inner join kostnadspooler
        on poolmottagare.pool_id = kostnadspooler.pool_id and kostnadspooler.fordelningsnyckel = 'andel'
    where poolmottagare.andel <= 0

    union all
    select
        'seeds/kpb/kpb_lokala_insatskoder.csv', rad, kommun_kod || ' / ' || lokal_insats_kod, 'insats_kod',
        coalesce(insats_kod, '(tomt)'), 'okand insats_kod (kpb_standardinsatser)'
    from lokala
    where insats_kod is null or insats_kod not in (select insats_kod from insatser)

    union all
    select
        'seeds/kpb/kpb_personaltimmar.csv', rad, kommun_kod || ' / ' || cast(ar as {{ dbt.type_string() }}),
        'insats_kod', coalesce(insats_kod, '(tomt)'), 'okand insats_kod (kpb_standardinsatser)'
    from personaltimmar
    where insats_kod is null or insats_kod not in (select insats_kod from insatser)

    union all
    select
        'seeds/kpb/kpb_ytterfall_granser.csv', rad, verksamhetsomrade || ' / ' || coalesce(boendeform, '*'),
        'verksamhetsomrade', verksamhetsomrade, 'okant verksamhetsomrade (aldreomsorg, funktionsnedsattning, lss)'
    from ytterfall
    where verksamhetsomrade not in ('aldreomsorg', 'funktionsnedsattning', 'lss')
    {{ var_rader | join(' ') }}
)

select * from fel
order by seed, rad, kolumn
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: configuration values that refer to nothing known (seed, row, column, value)', ref('kpb_standardinsatser')) }}
{{ avvikelser }}
