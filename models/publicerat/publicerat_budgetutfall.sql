{#- kpb.budgetutfall as published: budget and ledger amounts are not built on persons, so nothing is hidden; the
    declaration (every column open) is in _publicerat_budget__models.yml (meta undertryckning). -#}
{{ publicera(ref('budgetutfall')) }}
