{{ config(tags=['indikator']) }}
{#- UPPLEVD_DELAKTIGHET_PATIENTENKAT: the national survey share of the question that seed nationell_enkat_fragor maps to
    it, per municipality and year (the municipality's value, else its county's; int_nationell_enkat). -#}
{{ indikator_urval('UPPLEVD_DELAKTIGHET_PATIENTENKAT', ref('int_nationell_enkat')) }}
