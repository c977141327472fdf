{{ config(tags=['indikator']) }}

{# SIP_VARDDAGAR_FORANDRING: change in inpatient days per plan (days in the 12 months after establishment minus the
    12 months before; negative = fewer days). Split by acute / planned in the dimension 'akut' (ja / nej).
    Per municipality and year of establishment, over the plans established in the year (int_sip_kostnad_plan)
    whose windows before AND after are complete (macro sip_kompletta_fonster): a plan with a truncated window is
    counted in indikatorer.sip_kostnad.antal_planer_ofullstandiga_fonster, never averaged in.
    taljare = sum of the changes, namnare = plans. #}
{{ sip_fore_efter_indikator('SIP_VARDDAGAR_FORANDRING', [
    ('alla', 'alla', 'vardagar_forandring'),
    ('akut', 'ja', 'akuta_vardagar_forandring'),
    ('akut', 'nej', 'vardagar_forandring - akuta_vardagar_forandring'),
]) }}
