{#- SIP meetings counted from the region's KVÅ registrations (the VGR Power BI way), deduplicated: several units
    often register the same SIP meeting for the same person on the same day, so one meeting = one person and one
    day with at least one SIP-coded registration (codes in the seed sip_kva_koder, status U). antal_dubbletter is
    the registrations removed by the deduplication. KVÅ coding is voluntary, so this undercounts (see
    sip_kva_moten for the coverage against SAMSA). Grain: person_id, motesdatum. -#}

with

kva as (
    select * from {{ ref('stg_region__kva') }}
),

sip_koder as (
    select * from {{ ref('sip_kva_koder') }}
),

sip_registreringar as (
    select
        kva.vardkontakt_id,
        kva.person_id,
        kva.kommun_kod,
        cast(kva.datum as date) as motesdatum,
        kva.kva_kod,
        kva.enhet_id,
        kva.halsovalsenhet,
        kva.klinik
    from kva
    inner join sip_koder on kva.kva_kod = sip_koder.kva_kod
),

registrerande_enheter as (
    select distinct
        person_id,
        motesdatum,
        enhet_id
    from sip_registreringar
    where enhet_id is not null
),

enhetslista as (
    select
        person_id,
        motesdatum,
        {{ sorterad_lista('enhet_id') }} as enheter
    from registrerande_enheter
    group by person_id, motesdatum
),

moten as (
    select
        person_id,
        motesdatum,
        min(kommun_kod) as kommun_kod,
        count(*) as antal_registreringar,
        count(distinct enhet_id) as antal_enheter,
        min(halsovalsenhet) as halsovalsenhet,
        min(klinik) as klinik
    from sip_registreringar
    group by person_id, motesdatum
),

final as (
    select
        moten.person_id,
        moten.motesdatum,
        moten.kommun_kod,
        cast(moten.antal_registreringar as bigint) as antal_registreringar,
        cast(moten.antal_registreringar - 1 as bigint) as antal_dubbletter,
        cast(moten.antal_enheter as bigint) as antal_enheter,
        enhetslista.enheter,
        moten.halsovalsenhet,
        moten.klinik
    from moten
    left join enhetslista
        on {{ lika_kolumner('moten', 'enhetslista', ['person_id', 'motesdatum']) }}
)

select * from final
