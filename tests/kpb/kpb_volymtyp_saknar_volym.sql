-- An insats whose configured volume type (kpb_standardinsatser.volymtyp, or var kpb_volymtyp) has no volume while
-- the other volume type has (e.g. SÄBO configured on utford when the operational system delivers only beviljad)
-- would leave its whole cost "ej fördelbar" on no brukare. That is a configuration mistake, not a data gap: an
-- error naming the insats, the configured type and both volumes.
{{ config(severity='error', tags=['kpb', 'konfiguration', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    insats_kod,
    regi,
    volymtyp as konfigurerad_volymtyp,
    volym_beviljad,
    volym_utford,
    total_kostnad
from {{ ref('insatskostnad') }}
where
    is_brukarrelaterad
    and volym = 0
    and (volym_beviljad > 0 or volym_utford > 0)
order by kommun_kod, ar, insats_kod, regi
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: insatser whose configured volume type has NO volume while the other type has (set kpb_standardinsatser.volymtyp or var kpb_volymtyp, e.g. {SABO: beviljad})', ref('insatskostnad')) }}
{{ avvikelser }}
