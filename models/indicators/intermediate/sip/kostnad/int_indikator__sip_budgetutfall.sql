{{ config(tags=['indikator']) }}

{# SIP_BUDGETUTFALL: ledger outcome as a percentage of the budget for the SIP activity (aktivitet
    installning('sip_aktivitet') in huvudbok and budget). antal_personer = persons with a SIP in the year (the value
    is not personal data, but follows the framework).
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}
{{ sip_ar_indikator('SIP_BUDGETUTFALL', taljare='budget_utfall', namnare='budget', varde='budget_utfall_procent',
    villkor='budget is not null', antal_personer='antal_personer_med_sip') }}
