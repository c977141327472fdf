{{ config(tags=['indikator']) }}
{#- UKD_SOMATIK_MEDEL: average utskrivningsklara dagar per somatic episode discharged in the period, per municipality,
    month, half-year (Kalmar) and year. Counting and population: macro ukd_medel_indikator (macros/indikatorer/ukd.sql). -#}
{{ ukd_medel_indikator('UKD_SOMATIK_MEDEL', 'somatik', ['manad', 'halvar', 'ar']) }}
