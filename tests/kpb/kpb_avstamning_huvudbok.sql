-- Identity 1 of kpb.avstamning, to the öre: every ledger krona is excluded, unmapped, direct cost or pool cost.
{{ config(severity='error', tags=['kpb', 'avstamning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    huvudbok_belopp,
    exkluderat_belopp,
    omappat_belopp,
    direkt_kostnad,
    poolkostnad
from {{ ref('avstamning') }}
where huvudbok_belopp <> exkluderat_belopp + omappat_belopp + direkt_kostnad + poolkostnad
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB avstamning: huvudbok_belopp <> exkluderat_belopp + omappat_belopp + direkt_kostnad + poolkostnad', ref('avstamning')) }}
{{ avvikelser }}
