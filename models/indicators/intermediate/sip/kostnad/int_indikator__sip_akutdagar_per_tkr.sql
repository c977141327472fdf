{{ config(tags=['indikator']) }}

{# SIP_AKUTDAGAR_PER_TKR: change in acute inpatient days (12 months after minus before) per 1 000 kr of
    coordination, over the plans established in the year whose windows before and after are complete (macro
    sip_kompletta_fonster, in int_sip_kostnad_kommun_ar); negative = fewer acute days. antal_personer = those
    plans.
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}
{{ sip_ar_indikator('SIP_AKUTDAGAR_PER_TKR', taljare='akuta_vardagar_forandring',
    namnare='admin_kostnad_upprattade_planer / 1000', varde='akuta_vardagar_forandring_per_tkr',
    villkor='antal_upprattade_planer > 0', antal_personer='antal_planer_kompletta_fonster') }}
