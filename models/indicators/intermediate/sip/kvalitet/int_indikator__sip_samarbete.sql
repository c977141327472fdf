{{ config(tags=['indikator']) }}

{# SIP_SAMARBETE: mean rating (1–5) of collaboration between the parties in the yearly review, one rating per
    reviewed plan (not per goal row).
    Per municipality and review year. taljare = sum of the plans' ratings, namnare = rated plans. #}

{{ indikator_betyg('SIP_SAMARBETE', 'samarbete') }}
