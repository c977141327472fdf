-- KPB analysis 3, konsumtion (KPB report Bild 5 and 6): per age band, the number of brukare, the population
-- (SCB, 31 December of ar), the total cost, the average cost per brukare and the cost per invånare.
-- Every age band of kpb_aldersgrupper is listed for every municipality and year with brukare.
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
        sum(total_kostnad) as total_kostnad
    from brukare
    group by kommun_kod, ar, aldersgrupp
),

invanare_per_grupp as (
    select
        befolkning.kommun_kod,
        befolkning.ar,
        aldersgrupper.aldersgrupp,
        sum(befolkning.antal) as antal_invanare
    from befolkning
    inner join aldersgrupper
        on befolkning.alder between aldersgrupper.alder_fran and aldersgrupper.alder_till
    group by befolkning.kommun_kod, befolkning.ar, aldersgrupper.aldersgrupp
),

sammanstallt as (
    select
        rutnat.kommun_kod,
        rutnat.ar,
        rutnat.aldersgrupp,
        rutnat.sortering,
        coalesce(brukare_per_grupp.antal_brukare, 0) as antal_brukare,
        invanare_per_grupp.antal_invanare,
        coalesce(brukare_per_grupp.total_kostnad, 0) as total_kostnad
    from rutnat
    left join brukare_per_grupp
        on
            rutnat.kommun_kod = brukare_per_grupp.kommun_kod
            and rutnat.ar = brukare_per_grupp.ar
            and rutnat.aldersgrupp = brukare_per_grupp.aldersgrupp
    left join invanare_per_grupp
        on
            rutnat.kommun_kod = invanare_per_grupp.kommun_kod
            and rutnat.ar = invanare_per_grupp.ar
            and rutnat.aldersgrupp = invanare_per_grupp.aldersgrupp
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
        {{ kpb_kvot('antal_brukare', 'antal_invanare', 6) }} as andel_brukare_av_invanare
    from sammanstallt
)

select * from final
