{#- All indicator rows (grain indikator_id, kommun_kod, period_typ, period_start, dimension, dimension_varde): the union
    of the indicator models listed below, explicitly, as Tuva's summary_long lists its measures. Adding an indicator
    = its model (tagged `indikator`, in its area's folder), its catalogue row (seeds/indikatorer/indikator_katalog.csv)
    and its line here. The test tests/indikatorer/indikator_katalog_unionen.sql fails when a catalogue row has no model
    in this list, a listed model has no catalogue row, or a model tagged `indikator` is left out of the list. -#}
{%- set ukd = [
    ref('int_indikator__ukd_dagar_per_1000_65'),
    ref('int_indikator__ukd_nationell'),
    ref('int_indikator__ukd_psyk_medel'),
    ref('int_indikator__ukd_somatik_medel'),
] -%}
{%- set samverkan = [
    ref('int_indikator__aterinskrivning_30d_65'),
    ref('int_indikator__fast_vardkontakt'),
    ref('int_indikator__inskrivningsmeddelande_24h'),
    ref('int_indikator__utskrivningsplan'),
] -%}
{%- set sip = [
    ref('int_indikator__sip_akutdagar_per_tkr'),
    ref('int_indikator__sip_ansvar_tydligt'),
    ref('int_indikator__sip_avslutade'),
    ref('int_indikator__sip_budgetutfall'),
    ref('int_indikator__sip_delaktighet_hog'),
    ref('int_indikator__sip_delaktighet_medel'),
    ref('int_indikator__sip_enkat_antal_svar'),
    ref('int_indikator__sip_enkat_topp2'),
    ref('int_indikator__sip_kostnad_admin'),
    ref('int_indikator__sip_kostnad_direkt'),
    ref('int_indikator__sip_kostnad_per_person'),
    ref('int_indikator__sip_kostnad_per_uppnatt_mal'),
    ref('int_indikator__sip_kva_moten'),
    ref('int_indikator__sip_mal_smart'),
    ref('int_indikator__sip_mal_uppnadda'),
    ref('int_indikator__sip_oppna'),
    ref('int_indikator__sip_resurser'),
    ref('int_indikator__sip_samarbete'),
    ref('int_indikator__sip_startade'),
    ref('int_indikator__sip_uppfoljda'),
    ref('int_indikator__sip_upprattade'),
    ref('int_indikator__sip_varddagar_forandring'),
    ref('int_indikator__sip_vardkostnad_forandring'),
] -%}
{%- set gnv = [
    ref('int_indikator__gnv_distansmoten'),
    ref('int_indikator__gnv_fall_slutenvard_80'),
    ref('int_indikator__gnv_fallskador_65'),
    ref('int_indikator__gnv_fallskador_65_kostnad'),
    ref('int_indikator__gnv_paverkbar_slutenvard_65'),
    ref('int_indikator__gnv_paverkbar_slutenvard_65_kostnad'),
    ref('int_indikator__gnv_vardtillfallen_aldersstand'),
] -%}
{%- set narvard = [
    ref('int_indikator__gnv_bedomning_vc_3_dygn'),
    ref('int_indikator__gnv_enkat_fortroende_hsv'),
    ref('int_indikator__gnv_enkat_lakare_vardplan'),
    ref('int_indikator__gnv_enkat_samordnar_kontakter'),
    ref('int_indikator__gnv_enkat_vard_kvall_helg'),
    ref('int_indikator__gnv_enkat_vardas_hemma_digitalt'),
    ref('int_indikator__gnv_lakarbesok_hemmet'),
    ref('int_indikator__gnv_lakare_sabo_vid_behov'),
    ref('int_indikator__upplevd_delaktighet_patientenkat'),
] -%}
{%- set avvikelser = [
    ref('int_indikator__avv_antal'),
    ref('int_indikator__avv_per_1000_utskrivningar'),
] -%}
{%- set indikatormodeller = ukd + samverkan + sip + gnv + narvard + avvikelser -%}

with

indikatorvarden as (
    {{ indikator_union(indikatormodeller) | indent(4) }}
)

select * from indikatorvarden
