{#- The data period per source, as published (no counts of persons). -#}
{{ publicera(ref('dataperiod')) }}
