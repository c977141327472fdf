{#- Rating 1–5: the indicators whose value is the mean of a rating on a 1–5 scale, one rating per rated unit. -#}

{#- The whole body of a yearly rating indicator: the mean of the 1–5 rating `kolumn` of the model `modell` (default
    int_sip_granskning_planer: one rating per reviewed plan, not per goal row; SIP_ANSVAR_TYDLIGT, SIP_SAMARBETE,
    SIP_RESURSER), per municipality and year `ar`, dimension 'alla'. taljare = the sum of the ratings, namnare = the
    rated units, antal_personer = the distinct `personer` of the rated units. An unrated unit (NULL) counts in
    neither. -#}
{% macro indikator_betyg(indikator_id, kolumn, modell='int_sip_granskning_planer', personer='raknas_som') -%}
with

betygsatta as (
    select * from {{ ref(modell) }}
),

{{ kommunanalys.indikator_medel(indikator_id, 'betygsatta', kolumn,
    antal_personer='count(distinct case when ' ~ kolumn ~ ' is not null then ' ~ personer ~ ' end)') }}
{%- endmacro %}
