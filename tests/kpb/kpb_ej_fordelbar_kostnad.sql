-- Warning: a person-related insats with cost but no volume of the volume type used cannot be tied to persons; the
-- cost is shown in kpb.avstamning.ej_fordelbar_kostnad (domain §1.4: no cost without volume).
{{ config(severity='warn', tags=['kpb', 'avstamning', 'warn']) }}
{{ kpb_avvikande_rader(
    ref('insatskostnad'),
    ['kommun_kod', 'ar', 'insats_kod', 'regi', 'volymtyp', 'total_kostnad', 'volym_beviljad', 'volym_utford'],
    "kostnadsslag = 'ej_fordelbar' and total_kostnad <> 0",
    'KPB (warning): cost of person-related insatser without volume (ej_fordelbar_kostnad)'
) }}
