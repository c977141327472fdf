{{ config(tags=['sip']) }}

{# KVÅ deduplication loses nothing: registrations = meetings + duplicates removed, per municipality and quarter,
    and the quarterly totals equal the meeting-level rows. #}

with

kvartal as (
    select * from {{ ref('sip_kva_moten') }}
),

moten as (
    select * from {{ ref('int_sip_kva_moten') }}
),

totalt as (
    select
        sum(antal_registreringar) as antal_registreringar,
        count(*) as antal_moten
    from moten
)

select
    'kvartal' as niva,
    kvartal.kommun_kod,
    kvartal.kvartal_start
from kvartal
where kvartal.antal_registreringar <> kvartal.antal_moten + kvartal.antal_dubbletter
union all
select
    'totalt' as niva,
    null as kommun_kod,
    null as kvartal_start
from totalt
where
    totalt.antal_registreringar <> (select sum(antal_registreringar) from kvartal)
    or totalt.antal_moten <> (select sum(antal_moten) from kvartal)
