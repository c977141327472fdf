{#- Parse-time lineage of indikatorer.utfall (through int_indikator_unionerade).

    The union finds the indicator models in the graph at compile time (indikator_modeller_i_grafen: every model
    tagged `indikator`), but dbt-core only lets a model ref() what it ref'd while the project was PARSED, and the graph
    is empty then (dbt docs: "Do not use the graph variable to build your DAG"). So the models the union may read are
    declared here and ref'd at parse time; at compile time the models that are both tagged and declared are unioned.
    A tagged model missing from this list is not silently lost: the union logs a warning and the test
    tests/indikatorer/indikator_modeller_registrerade.sql fails and names it; a declared model that no longer exists
    stops `dbt parse` with "depends on a node named ... which was not found".

    Adding an indicator: the model, the catalogue row, and its name on this list (one line, alphabetical, in the
    block of its area). Shared between the indicator engineers: targeted edits only. -#}
{% macro indikator_modeller() -%}
    {{ return([
        'int_indikator__aterinskrivning_30d_65',
        'int_indikator__fast_vardkontakt',
        'int_indikator__inskrivningsmeddelande_24h',
        'int_indikator__ukd_dagar_per_1000_65',
        'int_indikator__ukd_nationell',
        'int_indikator__ukd_psyk_medel',
        'int_indikator__ukd_somatik_medel',
        'int_indikator__utskrivningsplan',
    ] + indikator_modeller_sip_gnv()) }}
{%- endmacro %}

{#- SIP and god och nära vård indicators (the other indicator engineer's models; keep in step with their files). -#}
{% macro indikator_modeller_sip_gnv() -%}
    {{ return([
        'int_indikator__gnv_distansmoten',
        'int_indikator__gnv_fall_slutenvard_80',
        'int_indikator__gnv_fallskador_65',
        'int_indikator__gnv_paverkbar_slutenvard_65',
        'int_indikator__gnv_vardtillfallen_aldersstand',
        'int_indikator__sip_akutdagar_per_tkr',
        'int_indikator__sip_ansvar_tydligt',
        'int_indikator__sip_avslutade',
        'int_indikator__sip_budgetutfall',
        'int_indikator__sip_delaktighet_hog',
        'int_indikator__sip_delaktighet_medel',
        'int_indikator__sip_enkat_antal_svar',
        'int_indikator__sip_enkat_topp2',
        'int_indikator__sip_kostnad_admin',
        'int_indikator__sip_kostnad_direkt',
        'int_indikator__sip_kostnad_per_person',
        'int_indikator__sip_kostnad_per_uppnatt_mal',
        'int_indikator__sip_kva_moten',
        'int_indikator__sip_mal_smart',
        'int_indikator__sip_mal_uppnadda',
        'int_indikator__sip_oppna',
        'int_indikator__sip_resurser',
        'int_indikator__sip_samarbete',
        'int_indikator__sip_startade',
        'int_indikator__sip_uppfoljda',
        'int_indikator__sip_upprattade',
        'int_indikator__sip_varddagar_forandring',
        'int_indikator__sip_vardkostnad_forandring',
    ]) }}
{%- endmacro %}
