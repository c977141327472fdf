-- Warning: no negative unit costs (domain §1.4); a negative one means revenue larger than cost on the insats.
{{ config(severity='warn', tags=['kpb', 'insatskostnad', 'warn']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    insats_kod,
    regi,
    direkt_kostnad,
    fordelad_kostnad,
    total_kostnad,
    volym,
    enhetskostnad
from {{ ref('insatskostnad') }}
where enhetskostnad < 0
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB (warning): negative unit costs', ref('insatskostnad')) }}
{{ avvikelser }}
