{#- The publishing rule of this build (threshold, build time), as published. -#}
{{ publicera(ref('publiceringsregler')) }}
