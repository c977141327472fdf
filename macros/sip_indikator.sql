{#- Date helpers of the SIP and god och nära vård models: the bounds of a year given as a number. Quarter and month
    bounds are datum_period_start / datum_period_slut (macros/datum_funktioner.sql); the indicator interface and the
    safe division are the framework's (indikator_kolumner, indikator_kvot in macros/indikator_ramverk.sql). -#}

{#- first and last day of a calendar year given as an integer expression -#}
{% macro sip_ar_start(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-01-01' as date)
{%- endmacro %}

{% macro sip_ar_slut(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-12-31' as date)
{%- endmacro %}
