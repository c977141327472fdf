{{ config(tags=['indikator']) }}

{# GNV_VARDTILLFALLEN_ALDERSSTAND: inpatient episodes per 100 000 inhabitants, directly age-standardised to the
    standard population of seed standardbefolkning (var 'standardbefolkning', default 'ESP2013'; macro
    indikator_aldersstandardiserad):
        varde = Σ_b w_b × (episodes_b / population_b) × 100 000 / Σ_b w_b
    over the standard's age bands b (age on 31 December, as SCB counts the population). A band without population
    contributes a rate of 0. taljare = Σ_b w_b × rate_b × 100 000, namnare = Σ_b w_b.
    rate_b × 100 000 is one indikator_kvot (faktor 100 000), so that the rounding rule's 6 decimals apply to the
    rate per 100 000, not to a rate of 0.0123…. Per municipality (the
    patient's home municipality) and year of admission; years with inpatient data only.
    antal_personer = distinct persons with an episode. #}

{{ indikator_aldersstandardiserad('GNV_VARDTILLFALLEN_ALDERSSTAND', 'int_gnv_vardtillfallen') }}
