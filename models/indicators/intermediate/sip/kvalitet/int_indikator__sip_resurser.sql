{{ config(tags=['indikator']) }}

{# SIP_RESURSER: mean rating (1–5) of sufficient resources to carry out the plan in the yearly review, one rating
    per reviewed plan (not per goal row).
    Per municipality and review year. taljare = sum of the plans' ratings, namnare = rated plans. #}

{{ indikator_betyg('SIP_RESURSER', 'resurser') }}
