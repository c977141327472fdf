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

per_dimension as (
    select
        kommun_kod,
        ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        person_id,
        is_distans
    from med_form
    union all
    select
        kommun_kod,
        ar,
        'handelse' as dimension,
        handelse as dimension_varde,
        person_id,
        is_distans
    from med_form
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        sum(case when is_distans then 1 else 0 end) as antal_distans,
        count(*) as antal_moten,
        count(distinct person_id) as antal_personer
    from per_dimension
    group by kommun_kod, ar, dimension, dimension_varde
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        antal_distans as taljare,
        antal_moten as namnare,
        {{ kommunanalys.indikator_kvot('antal_distans', 'antal_moten', 100) }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('GNV_DISTANSMOTEN', 'beraknad') }}
)

select * from final
