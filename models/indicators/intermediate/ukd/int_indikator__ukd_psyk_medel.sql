{{ config(tags=['indikator']) }}
{#- UKD_PSYK_MEDEL: average utskrivningsklara dagar per psychiatric episode discharged in the period, per municipality
    and quarter (Kalmar: reported separately), half-year (the analysis groups' cadence, issue 23) and year. Same
    counting and population as UKD_SOMATIK_MEDEL (macro ukd_medel_indikator). -#}
{{ ukd_medel_indikator('UKD_PSYK_MEDEL', 'psykiatri', ['kvartal', 'halvar', 'ar']) }}
