-- An insats whose configured volume type (kpb_standardinsatser.volymtyp, or var kpb_volymtyp) has no volume while
-- the other volume type has (e.g. SÄBO configured on utford when the operational system delivers only beviljad)
-- would leave its whole cost "ej fördelbar" on no brukare. That is a configuration mistake, not a data gap: an
-- error naming the insats, the configured type and both volumes.
{{ config(severity='error', tags=['kpb', 'konfiguration', 'error']) }}
{{ kpb_avvikande_rader(
    ref('insatskostnad'),
    [
        'kommun_kod', 'ar', 'insats_kod', 'regi', 'volymtyp as konfigurerad_volymtyp',
        'volym_beviljad', 'volym_utford', 'total_kostnad',
    ],
    "is_brukarrelaterad and volym = 0 and (volym_beviljad > 0 or volym_utford > 0)",
    'KPB: insatser whose configured volume type has NO volume while the other type has (set kpb_standardinsatser.volymtyp or var kpb_volymtyp, e.g. {SABO: beviljad})',
    ordning='kommun_kod, ar, insats_kod, regi'
) }}
