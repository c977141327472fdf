{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_PER_UPPNATT_MAL: administrative cost (kr) per goal met: the coordination cost (all time reported on
    them) of the plans reviewed in the year divided by the goals marked uppnatt in that review. antal_personer =
    reviewed plans.
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}
{{ sip_ar_indikator('SIP_KOSTNAD_PER_UPPNATT_MAL', taljare='admin_kostnad_granskade_planer',
    namnare='antal_uppnadda_mal', villkor='antal_granskade_planer > 0', antal_personer='antal_granskade_planer') }}
