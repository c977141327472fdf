-- Identity 5 of kpb.avstamning: from the ledger to the persons nothing is lost, to the öre.
{{ config(severity='error', tags=['kpb', 'avstamning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    differens,
    differens_oversattning,
    differens_fordelning,
    differens_brukare
from {{ ref('avstamning') }}
where differens <> 0
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB avstamning: differens <> 0', ref('avstamning')) }}
{{ avvikelser }}
