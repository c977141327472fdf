-- Identity 2 of kpb.avstamning: no ledger row is without a target (rows listed by kpb_oversattning_*).
{{ config(severity='error', tags=['kpb', 'avstamning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    omappat_belopp,
    antal_omappade_rader
from {{ ref('avstamning') }}
where omappat_belopp <> 0 or antal_omappade_rader <> 0
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB avstamning: omappat_belopp <> 0', ref('avstamning')) }}
{{ avvikelser }}
