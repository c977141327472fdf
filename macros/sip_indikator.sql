{#- Date helpers of the SIP and god och nära vård models (models/indicators/**/*sip*, *gnv*): period bounds from a
    year number or a date. Portable (dbt's cross-database macros and casts only). The indicator interface and the
    safe division are the framework's (indikator_kolumner, indikator_kvot in macros/indikator_ramverk.sql). -#}

{#- first and last day of a calendar year given as an integer expression -#}
{% macro sip_ar_start(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-01-01' as date)
{%- endmacro %}

{% macro sip_ar_slut(ar) -%}
    cast(cast({{ ar }} as {{ dbt.type_string() }}) || '-12-31' as date)
{%- endmacro %}

{#- first and last day of the quarter a date or timestamp falls in -#}
{% macro sip_kvartal_start(datum) -%}
    cast({{ dbt.date_trunc('quarter', datum) }} as date)
{%- endmacro %}

{% macro sip_kvartal_slut(kvartal_start) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 3, kvartal_start)) }} as date)
{%- endmacro %}
