{{ config(tags=['indikator']) }}

{# GNV_DISTANSMOTEN: share (%) of SIP meetings held at a distance (video or telefon) among SIP meetings with a
    registered form (establishing and follow-up meetings in SAMSA, int_sip_moten; one meeting however many units
    took part). The Västra Götaland indicator also counts other planning meetings; SAMSA's discharge planning
    file carries no meeting form, so only SIP meetings are counted [I]. Per municipality and year of the meeting;
    'alla' and per kind of meeting (dimension 'handelse': upprattad / uppfoljd). #}

with

moten as (
    select * from {{ ref('int_sip_moten') }}
),

med_form as (
    select
        kommun_kod,
        cast(extract(year from mote_tid) as integer) as ar,
        handelse,
        person_id,
        is_distans
    from moten
    where motesform is not null
),

{{ indikator_andel('GNV_DISTANSMOTEN', 'med_form', 'is_distans', dimensioner=['handelse']) }}
