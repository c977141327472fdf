-- For every insats and regi: Σ over its enheter in kpb.enhetskostnad of direkt_kostnad, fordelad_kostnad,
-- total_kostnad and volym = kpb.insatskostnad's figures, to the öre (the breakdown per enhet loses and adds nothing).
{{ config(severity='error', tags=['kpb', 'enhetskostnad', 'error']) }}
{{ kpb_insats_summerar_delar(
    ref('enhetskostnad'),
    [
        ('total_kostnad', 'sum(total_kostnad)', 'enheternas_total_kostnad'),
        ('direkt_kostnad', 'sum(direkt_kostnad)', 'enheternas_direkt_kostnad'),
        ('fordelad_kostnad', 'sum(fordelad_kostnad)', 'enheternas_fordelad_kostnad'),
        ('volym', 'sum(volym)', 'enheternas_volym'),
    ],
    visa=['total_kostnad', 'volym'],
    rubrik='KPB: insatser whose enheter (kpb.enhetskostnad) do not sum to the insats'
) }}
