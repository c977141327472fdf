-- Every local insats code in the volumes must map to a standard insats (kpb_lokala_insatskoder); fails with the
-- unmapped codes, persons and volume, also printed in the log.
{{ config(severity='error', tags=['kpb', 'volymer', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    lokal_insats_kod,
    regi,
    volymtyp,
    count(distinct person_id) as antal_personer,
    sum(volym) as volym
from {{ ref('int_kpb_volymer_oversatta') }}
where insats_kod is null
group by kommun_kod, ar, lokal_insats_kod, regi, volymtyp
order by kommun_kod, ar, lokal_insats_kod, regi, volymtyp
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: local insats codes in the operational system that map to no standard insats (add them to seeds/kpb/kpb_lokala_insatskoder.csv)', ref('int_kpb_volymer_oversatta')) }}
{{ avvikelser }}
