-- KPB analysis 3, konsumtion (KPB report Bild 5 and 6): per age band, the number of brukare, the population
-- (SCB, 31 December of ar), the total cost, the average cost per brukare and the cost per invånare.
-- Every age band of kpb_aldersgrupper is listed for every municipality and year with brukare. Sex is a breakdown
-- in columns (_kvinnor / _man: brukare, invånare, cost and cost per invånare), so the grain stays the contract's.
with

brukare as (
    select * from {{ ref('brukare') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

aldersgrupper as (
    select * from {{ ref('kpb_aldersgrupper') }}
),

kommunar as (
    select distinct
        kommun_kod,
        ar
    from brukare
),

rutnat as (
    select
        kommunar.kommun_kod,
        kommunar.ar,
        aldersgrupper.aldersgrupp,
        aldersgrupper.sortering
    from kommunar
    cross join aldersgrupper
),

brukare_per_grupp as (
    select
        kommun_kod,
        ar,
        aldersgrupp,
        count(*) as antal_brukare,
        sum(total_kostnad) as total_kostnad,
        sum(case when kon = 'kvinna' then 1 else 0 end) as antal_brukare_kvinnor,
        sum(case when kon = 'man' then 1 else 0 end) as antal_brukare_man,
        sum(case when kon = 'kvinna' then total_kostnad else 0 end) as kostnad_kvinnor,
        sum(case when kon = 'man' then total_kostnad else 0 end) as kostnad_man
    from brukare
    group by kommun_kod, ar, aldersgrupp
),

invanare_per_grupp as (
    {{ per_aldersband('befolkning', 'aldersgrupper', 'aldersgrupp', [
        ('sum(befolkning.antal)', 'antal_invanare'),
        ("sum(case when befolkning.kon = 'kvinna' then befolkning.antal else 0 end)", 'antal_invanare_kvinnor'),
        ("sum(case when befolkning.kon = 'man' then befolkning.antal else 0 end)", 'antal_invanare_man'),
    ]) | indent(4) }}
),

sammanstallt as (
    select
        rutnat.kommun_kod,
        rutnat.ar,
        rutnat.aldersgrupp,
        rutnat.sortering,
        coalesce(brukare_per_grupp.antal_brukare, 0) as antal_brukare,
        invanare_per_grupp.antal_invanare,
        invanare_per_grupp.antal_invanare_kvinnor,
        invanare_per_grupp.antal_invanare_man,
        coalesce(brukare_per_grupp.total_kostnad, 0) as total_kostnad,
        coalesce(brukare_per_grupp.antal_brukare_kvinnor, 0) as antal_brukare_kvinnor,
        coalesce(brukare_per_grupp.antal_brukare_man, 0) as antal_brukare_man,
        coalesce(brukare_per_grupp.kostnad_kvinnor, 0) as kostnad_kvinnor,
        coalesce(brukare_per_grupp.kostnad_man, 0) as kostnad_man
    from rutnat
    left join brukare_per_grupp
        on {{ lika_kolumner('rutnat', 'brukare_per_grupp', ['kommun_kod', 'ar', 'aldersgrupp']) }}
    left join invanare_per_grupp
        on {{ lika_kolumner('rutnat', 'invanare_per_grupp', ['kommun_kod', 'ar', 'aldersgrupp']) }}
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        aldersgrupp,
        cast(sortering as integer) as aldersgrupp_sortering,
        cast(antal_brukare as bigint) as antal_brukare,
        cast(antal_invanare as bigint) as antal_invanare,
        cast(total_kostnad as decimal(18, 2)) as total_kostnad,
        {{ kpb_kvot(kpb_till_ore('total_kostnad'), 'antal_brukare * 100', 2) }} as kostnad_per_brukare,
        {{ kpb_kvot(kpb_till_ore('total_kostnad'), 'antal_invanare * 100', 2) }} as kostnad_per_invanare,
        {{ kpb_kvot('antal_brukare', 'antal_invanare', 6) }} as andel_brukare_av_invanare,
        cast(antal_brukare_kvinnor as bigint) as antal_brukare_kvinnor,
        cast(antal_brukare_man as bigint) as antal_brukare_man,
        cast(antal_invanare_kvinnor as bigint) as antal_invanare_kvinnor,
        cast(antal_invanare_man as bigint) as antal_invanare_man,
        cast(kostnad_kvinnor as decimal(18, 2)) as kostnad_kvinnor,
        cast(kostnad_man as decimal(18, 2)) as kostnad_man,
        {{ kpb_kvot(kpb_till_ore('kostnad_kvinnor'), 'antal_invanare_kvinnor * 100', 2) }}
            as kostnad_per_invanare_kvinnor,
        {{ kpb_kvot(kpb_till_ore('kostnad_man'), 'antal_invanare_man * 100', 2) }} as kostnad_per_invanare_man
    from sammanstallt
)

select * from final
{{- radordning() }}
