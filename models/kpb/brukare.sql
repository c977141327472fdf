-- KPB step 5, per person: one row per brukare (a person with a volume of a mapped insats) and year, with the
-- person's total cost and the cuts of the KPB analyses. The person's age, housing form, area and total cost come
-- from kpb_intermediate.int_kpb_brukare_indelning (the rules are stated there); here:
--   aldersgrupp        the band of seed kpb_aldersgrupper the age falls in
--   kostnadsintervall  the interval of seed kpb_kostnadsintervall the total cost falls in (lower bound inclusive)
--   is_ytterfall       total_kostnad >= the limit of the person's area, boendeform and year in seed
--                      kpb_ytterfall_granser (an exact boendeform before '*', an exact year before '*'):
--                      grans_belopp kr, or sabo_faktor × the municipality's own särskilt boende cost per
--                      year (Σ total_kostnad / Σ volym of insats var kpb_ytterfall_referensinsats, both regi,
--                      × 365) when grans_belopp is empty (issue 22, fix 3)                      [U]
--   ytterfall_grans    that limit (NULL when the seed has no row for the area, or no SÄBO unit cost)
{#- incremental per year (macros/inkrementell.sql): a delivery recomputes the years it touches; a contracted
    mart, so a change of its columns fails (on_schema_change fail) and needs --full-refresh -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='ar',
    on_schema_change='fail',
    pre_hook="{{ inkrementell_rensa('ar') }}",
) }}
with

klassade as (
    select * from {{ ref('int_kpb_brukare_indelning') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

aldersgrupper as (
    select * from {{ ref('kpb_aldersgrupper') }}
),

kostnadsintervall as (
    select * from {{ ref('kpb_kostnadsintervall') }}
),

ytterfall_granser as (
    select * from {{ ref('kpb_ytterfall_granser') }}
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

{# the municipality's own cost of a year in särskilt boende: the reference insats's cost per dygn × 365 #}
sabo_ar as (
    select
        kommun_kod,
        ar,
        case
            when sum(volym) > 0 then sum(total_kostnad) / sum(volym) * 365
        end as sabo_arskostnad
    from insatskostnad
    where insats_kod = '{{ installning("kpb_ytterfall_referensinsats") }}'
    group by kommun_kod, ar
),

{# the ytterfall limit of the area, boendeform and year: an exact boendeform beats '*' (or empty), then an exact
    year beats '*'; a row without grans_belopp is sabo_faktor × the municipality's SÄBO cost of a year #}
granser_kandidater as (
    select
        klassade.kommun_kod,
        klassade.ar,
        klassade.person_id,
        case when ytterfall_granser.boendeform = klassade.boendeform then 0 else 1 end as boende_rang,
        case when ytterfall_granser.ar = cast(klassade.ar as {{ dbt.type_string() }}) then 0 else 1 end as ar_rang,
        coalesce(
            ytterfall_granser.grans_belopp,
            ytterfall_granser.sabo_faktor * sabo_ar.sabo_arskostnad
        ) as grans
    from klassade
    inner join ytterfall_granser
        on
            klassade.verksamhetsomrade = ytterfall_granser.verksamhetsomrade
            and (
                klassade.boendeform = ytterfall_granser.boendeform
                or coalesce(ytterfall_granser.boendeform, '*') = '*'
            )
            and (
                ytterfall_granser.ar = cast(klassade.ar as {{ dbt.type_string() }})
                or coalesce(ytterfall_granser.ar, '*') = '*'
            )
    left join sabo_ar
        on
            klassade.kommun_kod = sabo_ar.kommun_kod
            and klassade.ar = sabo_ar.ar
),

granser as (
    select
        kommun_kod,
        ar,
        person_id,
        grans
    from (
        select
            *,
            row_number() over (
                partition by kommun_kod, ar, person_id order by boende_rang, ar_rang
            ) as rang
        from granser_kandidater
    ) as rangordnade
    where rang = 1
),

final as (
    select
        klassade.kommun_kod,
        klassade.ar,
        klassade.person_id,
        klassade.kon,
        klassade.alder,
        aldersgrupper.aldersgrupp,
        klassade.boendeform,
        klassade.verksamhetsomrade,
        klassade.total_kostnad,
        kostnadsintervall.kostnadsintervall,
        klassade.antal_insatser,
        cast(round(granser.grans, 2) as decimal(18, 2)) as ytterfall_grans,
        coalesce(klassade.total_kostnad >= round(granser.grans, 2), false) as is_ytterfall
    from klassade
    left join granser
        on
            klassade.kommun_kod = granser.kommun_kod
            and klassade.ar = granser.ar
            and klassade.person_id = granser.person_id
    left join aldersgrupper
        on klassade.alder between aldersgrupper.alder_fran and aldersgrupper.alder_till
    left join kostnadsintervall
        on
            klassade.total_kostnad >= kostnadsintervall.fran_belopp
            and (kostnadsintervall.till_belopp is null or klassade.total_kostnad < kostnadsintervall.till_belopp)
)

select * from final
{#- in key order within what one build writes: a monthly build appends the years it recomputed -#}
{{- radordning() }}
