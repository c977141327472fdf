{{ config(tags=['indikator']) }}
{#- GNV_FALLSKADOR_65_KOSTNAD: the region's inpatient cost (kr) of the indicator's episodes of patients 65+,
    vårdtillfällen × vårddagar × the cost per vårddygn (seed vard_dygnskostnad), per municipality and year of
    admission; computed with the other cost of god och nära vård in int_gnv_vardkostnad_ar. -#}
{{ indikator_urval('GNV_FALLSKADOR_65_KOSTNAD', ref('int_gnv_vardkostnad_ar')) }}
