{#- The standardinsatslista: insats names and units (a seed; no counts of persons). -#}
{{ publicera(ref('kpb_standardinsatser')) }}
