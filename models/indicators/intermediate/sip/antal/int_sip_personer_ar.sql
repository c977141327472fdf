{#- Persons with a SIP per municipality and year: a person "has a SIP" in a year when one of their plans was
    established on or before 31 December and not closed before 1 January (in force at some time in the year) [I].
    Years: those in which any SIP event occurs. Grain: kommun_kod, ar, person_id. -#}

with

planer as (
    select * from {{ ref('int_sip_planer') }}
),

handelser as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

ar_lista as (
    select distinct cast(extract(year from handelse_tid) as integer) as ar
    from handelser
    where handelse_tid is not null
),

aktiva as (
    select
        planer.kommun_kod,
        ar_lista.ar,
        planer.person_id,
        planer.sip_id,
        planer.upprattad_ar
    from planer
    inner join ar_lista
        on
            planer.upprattad_datum <= {{ sip_ar_slut('ar_lista.ar') }}
            and (
                planer.avslutad_tid is null
                or cast(planer.avslutad_tid as date) >= {{ sip_ar_start('ar_lista.ar') }}
            )
    where planer.upprattad_datum is not null
),

final as (
    select
        kommun_kod,
        ar,
        person_id,
        cast(count(distinct sip_id) as bigint) as antal_aktiva_planer,
        {{ dbt.bool_or('upprattad_ar = ar') }} as has_upprattad_under_aret
    from aktiva
    group by kommun_kod, ar, person_id
)

select * from final
