{{ config(tags=['indikator']) }}

{# SIP_VARDKOSTNAD_FORANDRING: change in the cost (kr) of inpatient days per plan, 12 months after minus before, at
    the cost per inpatient day of the establishing year (seed vard_dygnskostnad, status U):
    the indirect cost.
    Per municipality and year of establishment, over the plans established in the year (int_sip_kostnad_plan)
    whose windows before AND after are complete (macro sip_kompletta_fonster): a plan with a truncated window is
    counted in indikatorer.sip_kostnad.antal_planer_ofullstandiga_fonster, never averaged in.
    taljare = sum of the changes, namnare = plans. #}
{{ sip_fore_efter_indikator('SIP_VARDKOSTNAD_FORANDRING', [
    ('alla', 'alla', 'vardkostnad_forandring'),
]) }}
