{{ config(tags=['indikator']) }}

{# GNV_FALLSKADOR_65: fall injuries per 100 000 inhabitants aged 65 and over: inpatient episodes with an external
    cause W00–W19 (seed gnv_fallorsaker) of patients 65+ (age on 31 December), per 100 000 inhabitants 65+.
    Per municipality and year of admission; population from SCB (31 December, age 65 and over). Years: those with
    inpatient data (any municipality). antal_personer = distinct persons with such an episode. #}

{{ gnv_fall_indikator('GNV_FALLSKADOR_65', 65, 100000) }}
