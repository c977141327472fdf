{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_DIREKT: direct cost (kr) per person with a SIP in force in the year: the KPB cost
    (kpb.brukare.total_kostnad) of those persons divided by their number (persons without municipal insatser count
    with 0 kr).
    Per municipality and year, from int_sip_kostnad_kommun_ar (indikatorer.sip_kostnad). #}
{{ sip_ar_indikator('SIP_KOSTNAD_DIREKT', taljare='direkt_kostnad', namnare='antal_personer_med_sip',
    villkor='antal_personer_med_sip > 0', antal_personer='antal_personer_med_sip') }}
