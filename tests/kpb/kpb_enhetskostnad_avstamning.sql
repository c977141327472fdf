-- For every insats and regi: Σ over its enheter in kpb.enhetskostnad of direkt_kostnad, fordelad_kostnad,
-- total_kostnad and volym = kpb.insatskostnad's figures, to the öre (the breakdown per enhet loses and adds nothing).
{{ config(severity='error', tags=['kpb', 'enhetskostnad', 'error']) }}
{%- set avvikelser %}
with

insatser as (
    select * from {{ ref('insatskostnad') }}
),

per_enhet as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        sum(direkt_kostnad) as direkt_kostnad,
        sum(fordelad_kostnad) as fordelad_kostnad,
        sum(total_kostnad) as total_kostnad,
        sum(volym) as volym
    from {{ ref('enhetskostnad') }}
    group by kommun_kod, ar, insats_kod, regi
)

select
    insatser.kommun_kod,
    insatser.ar,
    insatser.insats_kod,
    insatser.regi,
    insatser.total_kostnad,
    per_enhet.total_kostnad as enheternas_total_kostnad,
    insatser.volym,
    per_enhet.volym as enheternas_volym
from insatser
left join per_enhet
    on {{ lika_kolumner('insatser', 'per_enhet', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
where
    per_enhet.total_kostnad is null
    or insatser.direkt_kostnad <> per_enhet.direkt_kostnad
    or insatser.fordelad_kostnad <> per_enhet.fordelad_kostnad
    or insatser.total_kostnad <> per_enhet.total_kostnad
    or insatser.volym <> per_enhet.volym
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: insatser whose enheter (kpb.enhetskostnad) do not sum to the insats', ref('insatskostnad')) }}
{{ avvikelser }}
