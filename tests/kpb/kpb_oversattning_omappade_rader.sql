-- Every ledger row must match a rule of the translation table (KPB step 2). Fails with the unmapped code strings
-- (kommun_kod, ar, konto, ansvar, verksamhet, aktivitet, projekt, motpart) and their amounts, also printed in the log.
{{ config(severity='error', tags=['kpb', 'oversattning', 'error']) }}
{{ kpb_oversattning_avvikelser('omappad',
    'KPB: ledger code strings that match NO translation rule (add a rule to seeds/kpb/kpb_oversattning.csv)') }}
