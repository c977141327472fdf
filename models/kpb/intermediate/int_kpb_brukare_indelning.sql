-- KPB step 5, per person: one row per brukare (a person with a volume of a mapped insats) and year, with the
-- person's total cost and how the KPB analyses classify the person (kpb.brukare adds the age band, the cost interval
-- and the ytterfall limit).
--   alder              age on 31 December of ar (ar − birth year)
--   boendeform         sarskilt_boende when the person has at least var kpb_sarskilt_boende_min_dygn (1) dygn of
--                      an is_sarskilt_boende insats counted in dygn, or any is_sarskilt_boende insats counted in
--                      another unit; else ordinart_boende                                       [I]
--   verksamhetsomrade  lss when any insats lies in an area of var kpb_lss_omraden; else aldreomsorg when alder >=
--                      var kpb_aldersgrans_aldreomsorg (65); else funktionsnedsattning   [I]
{#- incremental per year (macros/inkrementell.sql): a delivery recomputes the years it touches -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='ar',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('ar') }}",
) }}
{%- set lss_lista = "'" ~ (installning('kpb_lss_omraden') | join("', '")) ~ "'" %}
with

volymer as (
    select * from {{ ref('int_kpb_volymer_oversatta') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

brukarkostnad as (
    select * from {{ ref('brukarkostnad') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

standardinsatser as (
    select * from {{ ref('kpb_standardinsatser') }}
),

personer as (
    select
        volymer.kommun_kod,
        volymer.ar,
        volymer.person_id,
        min(volymer.kon) as kon,
        min(volymer.fodelsedatum) as fodelsedatum,
        case
            when
                sum(
                    case
                        when
                            standardinsatser.is_sarskilt_boende and standardinsatser.mattenhet = 'dygn'
                            and volymer.volymtyp = standardinsatser.volymtyp
                            then volymer.volym
                        else 0
                    end
                ) >= {{ installning('kpb_sarskilt_boende_min_dygn') }}
                or max(
                    case
                        when standardinsatser.is_sarskilt_boende and coalesce(standardinsatser.mattenhet, '') <> 'dygn'
                            then 1
                        else 0
                    end
                ) = 1
                then 1
            else 0
        end as har_sarskilt_boende,
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

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        person_id,
        kon,
        alder,
        case when har_sarskilt_boende = 1 then 'sarskilt_boende' else 'ordinart_boende' end as boendeform,
        case
            when har_lss_insats = 1 then 'lss'
            when alder >= {{ installning('kpb_aldersgrans_aldreomsorg') }} then 'aldreomsorg'
            else 'funktionsnedsattning'
        end as verksamhetsomrade,
        total_kostnad,
        cast(antal_insatser as bigint) as antal_insatser
    from med_alder
)

select * from final
{#- in key order within what one build writes: a monthly build appends the years it recomputed -#}
{{- radordning() }}
