{#- indikatorer.utfall_saknas as published: catalogue and source names, no counts of persons (nothing to hide). -#}
{{ publicera(ref('utfall_saknas')) }}
