-- KPB step 5, per person: one row per brukare (a person with a volume of a mapped insats) and year, with the
-- person's total cost and the cuts of the KPB analyses (age band, sex, housing form, area, cost interval).
--   alder              age on 31 December of ar (ar − birth year)
--   boendeform         sarskilt_boende when any insats of the person is_sarskilt_boende, else ordinart_boende
--   verksamhetsomrade  lss when any insats lies in an area of var kpb_lss_omraden; else aldreomsorg when alder >=
--                      var kpb_aldersgrans_aldreomsorg (65); else funktionsnedsattning   [I]
--   is_ytterfall       total_kostnad >= the limit of the person's area and boendeform in seed
--                      kpb_ytterfall_granser (an exact boendeform before '*')                  [U]
--   ytterfall_grans    that limit (NULL when the seed has no row for the area)
{#- incremental per year (macros/inkrementell.sql): a delivery recomputes the years it touches; a contracted
    mart, so a change of its columns fails (on_schema_change fail) and needs --full-refresh -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='append',
    on_schema_change='fail',
    post_hook="{{ inkrementell_efter() }}",
) }}
{%- set lss_lista = "'" ~ (installning('kpb_lss_omraden') | join("', '")) ~ "'" %}
{% call inkrementell_per_ar() -%}
with

volymer as (
    select * from {{ ref('int_kpb_volymer_oversatta') }}
    where {{ inkrementell_ar_filter('ar') }}
),

brukarkostnad as (
    select * from {{ ref('brukarkostnad') }}
    where {{ inkrementell_ar_filter('ar') }}
),

standardinsatser as (
    select * from {{ ref('kpb_standardinsatser') }}
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

personer as (
    select
        volymer.kommun_kod,
        volymer.ar,
        volymer.person_id,
        min(volymer.kon) as kon,
        min(volymer.fodelsedatum) as fodelsedatum,
        max(case when standardinsatser.is_sarskilt_boende then 1 else 0 end) as har_sarskilt_boende,
        max(case when standardinsatser.omrade in ({{ lss_lista }}) then 1 else 0 end) as har_lss_insats
    from volymer
    inner join standardinsatser
        on volymer.insats_kod = standardinsatser.insats_kod
    where standardinsatser.is_brukarrelaterad
    group by volymer.kommun_kod, volymer.ar, volymer.person_id
),

kostnad as (
    select
        kommun_kod,
        ar,
        person_id,
        sum(kostnad) as total_kostnad,
        count(*) as antal_insatser
    from brukarkostnad
    group by kommun_kod, ar, person_id
),

med_alder as (
    select
        personer.kommun_kod,
        personer.ar,
        personer.person_id,
        personer.kon,
        cast(personer.ar - extract(year from personer.fodelsedatum) as integer) as alder,
        personer.har_sarskilt_boende,
        personer.har_lss_insats,
        cast(coalesce(kostnad.total_kostnad, 0) as decimal(18, 2)) as total_kostnad,
        coalesce(kostnad.antal_insatser, 0) as antal_insatser
    from personer
    left join kostnad
        on
            personer.kommun_kod = kostnad.kommun_kod
            and personer.ar = kostnad.ar
            and personer.person_id = kostnad.person_id
),

klassade as (
    select
        med_alder.*,
        case when med_alder.har_sarskilt_boende = 1 then 'sarskilt_boende' else 'ordinart_boende' end as boendeform,
        case
            when med_alder.har_lss_insats = 1 then 'lss'
            when med_alder.alder >= {{ installning('kpb_aldersgrans_aldreomsorg') }} then 'aldreomsorg'
            else 'funktionsnedsattning'
        end as verksamhetsomrade
    from med_alder
),

{# the ytterfall limit of the area and boendeform: an exact boendeform beats '*' (or empty) #}
granser as (
    select
        klassade.kommun_kod,
        klassade.ar,
        klassade.person_id,
        max(case when ytterfall_granser.boendeform = klassade.boendeform then ytterfall_granser.grans_belopp end)
            as grans_exakt,
        max(case when coalesce(ytterfall_granser.boendeform, '*') = '*' then ytterfall_granser.grans_belopp end)
            as grans_alla
    from klassade
    inner join ytterfall_granser
        on klassade.verksamhetsomrade = ytterfall_granser.verksamhetsomrade
    group by klassade.kommun_kod, klassade.ar, klassade.person_id
),

final as (
    select
        klassade.kommun_kod,
        cast(klassade.ar as integer) as ar,
        klassade.person_id,
        klassade.kon,
        klassade.alder,
        aldersgrupper.aldersgrupp,
        klassade.boendeform,
        klassade.verksamhetsomrade,
        klassade.total_kostnad,
        kostnadsintervall.kostnadsintervall,
        cast(klassade.antal_insatser as bigint) as antal_insatser,
        cast(coalesce(granser.grans_exakt, granser.grans_alla) as decimal(18, 2)) as ytterfall_grans,
        coalesce(klassade.total_kostnad >= coalesce(granser.grans_exakt, granser.grans_alla), false) as is_ytterfall
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
{% endcall %}
