{#- kpb.insatskostnad as published: what the one rule hides is declared
    in _publicerat__models.yml (meta undertryckning). -#}
{{ publicera(ref('insatskostnad')) }}
