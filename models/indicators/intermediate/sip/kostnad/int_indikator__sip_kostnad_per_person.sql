{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_PER_PERSON: cost (kr) per person with a SIP in force in the year: (KPB cost of those persons +
    administrative cost of SIP coordination in the year, both principals) / persons with a SIP.
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}
{{ sip_ar_indikator('SIP_KOSTNAD_PER_PERSON', taljare='direkt_kostnad + admin_kostnad',
    namnare='antal_personer_med_sip', villkor='antal_personer_med_sip > 0', antal_personer='antal_personer_med_sip') }}
