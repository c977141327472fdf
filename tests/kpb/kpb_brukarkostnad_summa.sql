-- For every person-related insats with volume: Σ brukarkostnad.kostnad = insatskostnad.total_kostnad to the öre, and
-- Σ person volume = the insats volume.
{{ config(severity='error', tags=['kpb', 'brukarkostnad', 'error']) }}
{%- set avvikelser %}
with

insatser as (
    select * from {{ ref('insatskostnad') }}
    where kostnadsslag = 'brukare'
),

brukarkostnad as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        sum(kostnad) as brukar_kostnad,
        sum(volym) as brukar_volym
    from {{ ref('brukarkostnad') }}
    group by kommun_kod, ar, insats_kod, regi
)

select
    insatser.kommun_kod,
    insatser.ar,
    insatser.insats_kod,
    insatser.regi,
    insatser.total_kostnad,
    brukarkostnad.brukar_kostnad,
    insatser.volym,
    brukarkostnad.brukar_volym
from insatser
left join brukarkostnad
    on {{ lika_kolumner('insatser', 'brukarkostnad', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
where
    brukarkostnad.brukar_kostnad is null
    or insatser.total_kostnad <> brukarkostnad.brukar_kostnad
    or insatser.volym <> brukarkostnad.brukar_volym
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: person-related insatser whose cost is not fully carried by their brukare', ref('insatskostnad')) }}
{{ avvikelser }}
