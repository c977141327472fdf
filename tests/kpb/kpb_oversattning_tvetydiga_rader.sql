-- A ledger row must not match two rules of equal top priority (KPB step 2). Fails with the code strings, the
-- competing rule ids and the amounts, also printed in the log.
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
    toppregel_ids,
    count(*) as antal_rader,
    sum(belopp) as belopp
from {{ ref('int_kpb_huvudbok_oversatt') }}
where maltyp = 'tvetydig'
group by kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart, toppregel_ids
order by kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: ledger code strings that match two or more translation rules of equal top priority', ref('int_kpb_huvudbok_oversatt')) }}
{{ avvikelser }}
