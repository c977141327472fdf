{{ config(tags=['indikator']) }}

{# GNV_FALL_SLUTENVARD_80: inpatient episodes due to falls among persons 80 and over per 1 000 inhabitants 80+:
    episodes with an external cause W00–W19 of patients 80+ (age on 31 December), per 1 000 inhabitants 80+.
    Per municipality and year of admission; population from SCB (31 December, age 80 and over). Years: those with
    inpatient data (any municipality). antal_personer = distinct persons with such an episode. #}

{{ indikator_takt_per_invanare('GNV_FALL_SLUTENVARD_80', 'int_gnv_vardtillfallen', 'is_fallskada', 80, 1000) }}
