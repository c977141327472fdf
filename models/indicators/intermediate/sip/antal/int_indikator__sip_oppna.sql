{{ config(tags=['indikator']) }}

{# SIP_OPPNA: number of SIPs open at the end of the quarter (established, not closed) per municipality and quarter,
    also per hälsovalsenhet and klinik that took part
    (from SAMSA's events; see int_sip_antal_kvartal). A count: namnare 1. #}

{{ sip_antal_indikator('SIP_OPPNA', 'oppna') }}
