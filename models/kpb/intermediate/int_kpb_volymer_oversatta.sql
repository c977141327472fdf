-- Volumes from the operational system per person, local insats code, regi and volume type and year, with the
-- standard insats the local code maps to (kpb_lokala_insatskoder: a row for the municipality overrides '*').
-- insats_kod is NULL for a local code that maps nowhere (tests/kpb/kpb_lokala_insatskoder_omappade.sql fails).
{#- incremental per year (macros/inkrementell.sql): a delivery recomputes the years it touches -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='ar',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('ar') }}",
) }}
with

insatser as (
    select * from {{ ref('stg_verksamhet__insatser') }}
    {% if is_incremental() %}where ar in {{ inkrementell_andrade('ar') }}{% endif %}
),

lokala_koder as (
    select * from {{ ref('kpb_lokala_insatskoder') }}
),

per_ar as (
    select
        kommun_kod,
        ar,
        person_id,
        lokal_insats_kod,
        regi,
        volymtyp,
        sum(volym) as volym,
        count(*) as antal_rader,
        min(kon) as kon,
        min(fodelsedatum) as fodelsedatum
    from insatser
    group by kommun_kod, ar, person_id, lokal_insats_kod, regi, volymtyp
),

final as (
    select
        per_ar.kommun_kod,
        per_ar.ar,
        per_ar.person_id,
        per_ar.lokal_insats_kod,
        coalesce(kommunens_kod.insats_kod, alla_kommuners_kod.insats_kod) as insats_kod,
        per_ar.regi,
        per_ar.volymtyp,
        cast(per_ar.volym as decimal(18, 4)) as volym,
        per_ar.antal_rader,
        per_ar.kon,
        per_ar.fodelsedatum
    from per_ar
    left join lokala_koder as kommunens_kod
        on
            per_ar.kommun_kod = kommunens_kod.kommun_kod
            and per_ar.lokal_insats_kod = kommunens_kod.lokal_insats_kod
    left join lokala_koder as alla_kommuners_kod
        on
            alla_kommuners_kod.kommun_kod = '*'
            and per_ar.lokal_insats_kod = alla_kommuners_kod.lokal_insats_kod
)

select * from final
