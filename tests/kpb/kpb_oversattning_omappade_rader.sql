-- Every ledger row must match a rule of the translation table (KPB step 2). Fails with the unmapped code strings
-- (kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart) and their amounts, also printed in the log.
{{ config(severity='error', tags=['kpb', 'oversattning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    konto,
    ansvar,
    verksamhet,
    aktivitet,
    projekt,
    motpart,
    count(*) as antal_rader,
    sum(belopp) as belopp
from {{ ref('int_kpb_huvudbok_oversatt') }}
where maltyp = 'omappad'
group by kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart
order by kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: ledger code strings that match NO translation rule (add a rule to seeds/kpb/kpb_oversattning.csv)', ref('int_kpb_huvudbok_oversatt')) }}
{{ avvikelser }}
