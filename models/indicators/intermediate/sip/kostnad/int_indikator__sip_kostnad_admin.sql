{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_ADMIN: administrative cost (kr) of SIP coordination per plan with time reported in the year
    (time reports × hourly salary cost, int_sip_tid_kostnad), in total ('alla') and per principal (dimension
    'huvudman': kommun / region; the denominator is then the plans that principal reported time on).
    Time not tied to a plan is in indikatorer.sip_kostnad, not here. #}

with

tid_kostnad as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

planer as (
    select * from {{ ref('int_sip_planer') }}
),

planers_tid as (
    select
        tid_kostnad.kommun_kod,
        tid_kostnad.ar,
        tid_kostnad.huvudman,
        tid_kostnad.sip_id,
        planer.person_id,
        tid_kostnad.kostnad
    from tid_kostnad
    left join planer on tid_kostnad.sip_id = planer.sip_id
    where tid_kostnad.sip_id is not null
),

{{ indikator_medel('SIP_KOSTNAD_ADMIN', 'planers_tid', 'kostnad', dimensioner=['huvudman'],
    taljare='sum(kostnad)', namnare='count(distinct sip_id)',
    antal_personer='count(distinct coalesce(person_id, sip_id))') }}
