{#- indikatorer.sip_kva_moten as published: what the one rule hides is declared
    in _publicerat__models.yml (meta undertryckning). -#}
{{ publicera(ref('sip_kva_moten')) }}
