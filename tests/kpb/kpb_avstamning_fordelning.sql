-- Identity 3 of kpb.avstamning, to the öre: every pool krona reached an insats (step-down complete).
{{ config(severity='error', tags=['kpb', 'avstamning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    direkt_kostnad,
    poolkostnad,
    fordelad_kostnad,
    insats_total,
    differens_fordelning
from {{ ref('avstamning') }}
where direkt_kostnad + poolkostnad <> insats_total
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB avstamning: direkt_kostnad + poolkostnad <> insats_total (a pool was not fully allocated)', ref('avstamning')) }}
{{ avvikelser }}
