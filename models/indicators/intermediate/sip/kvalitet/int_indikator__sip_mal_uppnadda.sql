{{ config(tags=['indikator']) }}

{# SIP_MAL_UPPNADDA: share (%) of the assessed goals that were met ('alla' = uppnatt), and the share of each
    outcome (dimension 'mal_status': uppnatt, delvis, ej_uppnatt); goals 'ej_bedomt' are left out of the
    denominator. Per municipality and review year. #}

with

mal as (
    select * from {{ ref('int_sip_granskning_mal') }}
),

bedomda as (
    select * from mal
    where is_bedomt
),

{# every assessed goal once for 'alla' (met = uppnatt) and once per outcome (met = that outcome) #}
{%- set statusar = [] %}
{%- for status in ['uppnatt', 'delvis', 'ej_uppnatt'] %}
    {%- do statusar.append((status, "mal_status = '" ~ status ~ "'")) %}
{%- endfor %}
per_status as (
    {{ indikator_uppfyllt_per_varde('bedomda', "mal_status = 'uppnatt'", 'mal_status', statusar) | indent(4) }}
),

{{ indikator_andel('SIP_MAL_UPPNADDA', 'per_status', 'is_uppfyllt', dimensioner=none, personer='raknas_som') }}
