{#- kpb.oversattning_tackning as published: ledger amounts and row counts, no counts of persons (nothing to hide). -#}
{{ publicera(ref('oversattning_tackning')) }}
