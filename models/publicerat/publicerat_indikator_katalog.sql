{#- The indicator catalogue the indicator pages show (a seed; no counts of persons). -#}
{{ publicera(ref('indikator_katalog')) }}
