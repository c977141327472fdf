{{ config(tags=['indikator']) }}

{# SIP_ANSVAR_TYDLIGT: mean rating (1–5) of clear division of responsibility in the yearly review, one rating per
    reviewed plan (not per goal row).
    Per municipality and review year. taljare = sum of the plans' ratings, namnare = rated plans. #}

{{ indikator_betyg('SIP_ANSVAR_TYDLIGT', 'ansvar_tydligt') }}
