{#- SIP meetings counted from KVÅ registrations per municipality and quarter, after
    deduplication per person and meeting day (int_sip_kva_moten), with the duplicates removed and the coverage
    of KVÅ against SAMSA: of the SAMSA meetings (establishing and follow-up meetings, one per person and day), how
    many have a SIP-coded KVÅ registration for the same person on the same day. Grain: kommun_kod, kvartal_start. -#}

with

kva_moten as (
    select * from {{ ref('int_sip_kva_moten') }}
),

samsa_moten as (
    select * from {{ ref('int_sip_moten') }}
),

kva_per_kvartal as (
    select
        kommun_kod,
        {{ datum_period_start('kvartal', 'motesdatum') }} as kvartal_start,
        sum(antal_registreringar) as antal_registreringar,
        count(*) as antal_moten,
        sum(antal_dubbletter) as antal_dubbletter,
        count(distinct person_id) as antal_personer
    from kva_moten
    group by kommun_kod, {{ datum_period_start('kvartal', 'motesdatum') }}
),

{# SAMSA meetings as person-days, the unit KVÅ can be compared on #}
samsa_persondagar as (
    select distinct
        kommun_kod,
        person_id,
        motesdatum
    from samsa_moten
),

samsa_matchade as (
    select
        samsa_persondagar.kommun_kod,
        {{ datum_period_start('kvartal', 'samsa_persondagar.motesdatum') }} as kvartal_start,
        samsa_persondagar.person_id,
        samsa_persondagar.motesdatum,
        kva_moten.person_id is not null as has_kva
    from samsa_persondagar
    left join kva_moten
        on {{ lika_kolumner('samsa_persondagar', 'kva_moten', ['person_id', 'motesdatum']) }}
),

samsa_per_kvartal as (
    select
        kommun_kod,
        kvartal_start,
        count(*) as antal_samsa_moten,
        sum(case when has_kva then 1 else 0 end) as antal_samsa_moten_med_kva
    from samsa_matchade
    group by kommun_kod, kvartal_start
),

final as (
    select
        coalesce(kva_per_kvartal.kommun_kod, samsa_per_kvartal.kommun_kod) as kommun_kod,
        coalesce(kva_per_kvartal.kvartal_start, samsa_per_kvartal.kvartal_start) as kvartal_start,
        {{ datum_period_slut('kvartal', 'coalesce(kva_per_kvartal.kvartal_start, samsa_per_kvartal.kvartal_start)') }}
            as kvartal_slut,
        cast(coalesce(kva_per_kvartal.antal_registreringar, 0) as bigint) as antal_registreringar,
        cast(coalesce(kva_per_kvartal.antal_moten, 0) as bigint) as antal_moten,
        cast(coalesce(kva_per_kvartal.antal_dubbletter, 0) as bigint) as antal_dubbletter,
        cast(coalesce(kva_per_kvartal.antal_personer, 0) as bigint) as antal_personer,
        cast(coalesce(samsa_per_kvartal.antal_samsa_moten, 0) as bigint) as antal_samsa_moten,
        cast(coalesce(samsa_per_kvartal.antal_samsa_moten_med_kva, 0) as bigint) as antal_samsa_moten_med_kva,
        cast(
            {{ kommunanalys.indikator_kvot(
                'samsa_per_kvartal.antal_samsa_moten_med_kva', 'samsa_per_kvartal.antal_samsa_moten', 100) }}
            as decimal(18, 4)
        ) as kva_tackning_procent
    from kva_per_kvartal
    full outer join samsa_per_kvartal
        on {{ lika_kolumner('kva_per_kvartal', 'samsa_per_kvartal', ['kommun_kod', 'kvartal_start']) }}
)

select * from final
