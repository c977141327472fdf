{{ config(tags=['indikator']) }}

{# GNV_FALLSKADOR_65: fall injuries per 100 000 inhabitants aged 65 and over, directly AGE-STANDARDISED as the public
    statistics publish it ("vårdtillfällen per 100 000 invånare, åldersstandardiserade värden", the VG report):
    inpatient episodes with an injury main diagnosis S00–T98 (seed gnv_skadediagnoser) and a fall as external cause
    W00–W19 (seed gnv_fallorsaker) of patients 65+ (int_gnv_vardtillfallen.is_fallskada, age on 31 December), and
        varde = Σ_b w_b × (fallskador_b / invånare_b) × 100 000 / Σ_b w_b
    over the bands b of the standard population (seed standardbefolkning, var standardbefolkning, default ESP 2013)
    that lie at 65 and over (65–69 … 95+), with the standard's weights (macro indikator_aldersstandardiserad). A band
    without population contributes 0.
    taljare = Σ_b w_b × rate_b × 100 000, namnare = Σ_b w_b.
    rate_b × 100 000 is one indikator_kvot (faktor 100 000), so that the rounding rule's 6 decimals apply to the
    rate per 100 000, not to a rate of 0.0123….
    Rows: dimension 'alla' per municipality and year of admission (years with inpatient data); and dimension
    'period' / 'tre_ar' - the three-year average for small municipalities: events and population of the year and
    the two before pooled per band, then standardised; only for years whose three years all have population data.
    antal_personer = distinct persons with a fall injury (in the year, or in the three years). #}

{{ indikator_aldersstandardiserad('GNV_FALLSKADOR_65', 'int_gnv_vardtillfallen', 'is_fallskada', fran_alder=65,
    tre_ar=true) }}
