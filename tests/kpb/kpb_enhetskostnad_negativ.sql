-- Warning: no negative unit costs (domain §1.4); a negative one means revenue larger than cost on the insats.
{{ config(severity='warn', tags=['kpb', 'insatskostnad', 'warn']) }}
{{ kpb_avvikande_rader(
    ref('insatskostnad'),
    [
        'kommun_kod', 'ar', 'insats_kod', 'regi', 'direkt_kostnad',
        'fordelad_kostnad', 'total_kostnad', 'volym', 'enhetskostnad',
    ],
    "enhetskostnad < 0",
    'KPB (warning): negative unit costs'
) }}
