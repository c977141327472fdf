{{ config(tags=['indikator']) }}
{#- FAST_VARDKONTAKT: share (%) of the discharged episodes where the municipal health care was given an assignment
    (uppdrag_kommunal_hsl) that had a fast vårdkontakt appointed (fast_vardkontakt_tid present), by discharge date. -#}
{%- set period_typer = ['kvartal', 'halvar', 'ar'] %}

{{ ukd_utskrivna('is_uppdrag_kommunal_hsl') }}

{{ indikator_andel('FAST_VARDKONTAKT', 'utskrivna', 'fast_vardkontakt_tid is not null', period_typer) }}
