{{ config(tags=['indikator']) }}
{#- UTSKRIVNINGSPLAN: share (%) of the discharged episodes with an underrättelse where the person had an
    utskrivningsplan (SAMSA utskrivningsplan = J) or a SIP around the episode, by discharge date.
    "A SIP around the episode" [I]: a SIP of the same person (stg_samsa__sip_handelser) that was established
    (first 'upprattad' event) on or before the discharge date + installning('sip_fonster_efter_utskrivning_dagar'),
    and not closed ('avslutad') before the admission date. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}
{%- set fonster = installning('sip_fonster_efter_utskrivning_dagar') %}

with

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

handelser_samsa as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

planer as (
    select
        sip_id,
        person_id,
        min(case when handelse = 'upprattad' then cast(handelse_tid as date) end) as upprattad_datum,
        min(case when handelse = 'avslutad' then cast(handelse_tid as date) end) as avslutad_datum
    from handelser_samsa
    group by
        sip_id,
        person_id
),

utskrivna as (
    select
        vardtillfalle_id,
        person_id,
        kommun_kod,
        has_utskrivningsplan,
        cast(inskrivning_tid as date) as inskrivning_datum,
        cast(utskrivning_tid as date) as utskrivning_datum
    from episoder
    where
        has_underrattelse
        and not is_pagaende
),

med_plan as (
    select distinct utskrivna.vardtillfalle_id
    from utskrivna
    inner join planer
        on
            utskrivna.person_id = planer.person_id
            and {{ datum_plus_dagar('utskrivna.utskrivning_datum', fonster) }} >= planer.upprattad_datum
            and (planer.avslutad_datum is null or utskrivna.inskrivning_datum <= planer.avslutad_datum)
),

bedomda as (
    select
        utskrivna.kommun_kod,
        utskrivna.person_id,
        utskrivna.utskrivning_datum as datum,
        utskrivna.has_utskrivningsplan or med_plan.vardtillfalle_id is not null as has_plan
    from utskrivna
    left join med_plan
        on utskrivna.vardtillfalle_id = med_plan.vardtillfalle_id
),

{{ indikator_andel('UTSKRIVNINGSPLAN', 'bedomda', 'has_plan', period_typer) }}
