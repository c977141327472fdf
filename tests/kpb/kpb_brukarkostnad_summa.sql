-- For every person-related insats with volume: Σ brukarkostnad.kostnad = insatskostnad.total_kostnad to the öre, and
-- Σ person volume = the insats volume.
{{ config(severity='error', tags=['kpb', 'brukarkostnad', 'error']) }}
{{ kpb_insats_summerar_delar(
    ref('brukarkostnad'),
    [('total_kostnad', 'sum(kostnad)', 'brukar_kostnad'), ('volym', 'sum(volym)', 'brukar_volym')],
    visa=['total_kostnad', 'volym'],
    rubrik='KPB: person-related insatser whose cost is not fully carried by their brukare',
    villkor="kostnadsslag = 'brukare'"
) }}
