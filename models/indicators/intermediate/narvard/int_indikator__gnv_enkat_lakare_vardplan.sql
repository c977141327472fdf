{{ config(tags=['indikator']) }}
{#- GNV_ENKAT_LAKARE_VARDPLAN: the national survey share of the question that seed nationell_enkat_fragor maps to
    it, per municipality and year (the municipality's value, else its county's; int_nationell_enkat). -#}
{{ indikator_urval('GNV_ENKAT_LAKARE_VARDPLAN', ref('int_nationell_enkat')) }}
