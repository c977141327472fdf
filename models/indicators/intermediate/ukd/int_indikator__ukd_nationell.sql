{{ config(tags=['indikator']) }}
{#- UKD_NATIONELL: the national measure (SKR Väntetider i vården): mean utskrivningsklara dagar over the episodes
    that ended in the month with at least one such day; all ages, somatic and psychiatric care. -#}
{%- set period_typer = ['manad'] %}

{{ ukd_utskrivna('utskrivningsklara_dagar >= 1') }}

{{ indikator_medel('UKD_NATIONELL', 'utskrivna', 'utskrivningsklara_dagar', period_typer) }}
