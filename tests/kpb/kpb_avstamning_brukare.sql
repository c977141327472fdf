-- Identity 4 of kpb.avstamning, to the öre: the insats totals are fully carried by brukare or shown as
-- non-person cost.
{{ config(severity='error', tags=['kpb', 'avstamning', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    insats_total,
    brukar_total,
    ej_brukarrelaterad_kostnad,
    ej_fordelbar_kostnad,
    differens_brukare
from {{ ref('avstamning') }}
where insats_total <> brukar_total + ej_brukarrelaterad_kostnad + ej_fordelbar_kostnad
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB avstamning: insats_total <> brukar_total + ej_brukarrelaterad_kostnad + ej_fordelbar_kostnad', ref('avstamning')) }}
{{ avvikelser }}
