-- A ledger row must not match two rules of equal top priority (KPB step 2). Fails with the code strings, the
-- competing rule ids and the amounts, also printed in the log.
{{ config(severity='error', tags=['kpb', 'oversattning', 'error']) }}
{{ kpb_oversattning_avvikelser('tvetydig',
    'KPB: ledger code strings that match two or more translation rules of equal top priority', ['toppregel_ids']) }}
