{#- The municipalities of this build (in kpb.avstamning or indikatorer.utfall), named from the kommuner seed. -#}
{% set kalla %}
select k.*
from {{ ref('kommuner') }} as k
where k.kommun_kod in (
    select kommun_kod from {{ ref('avstamning') }}
    union
    select kommun_kod from {{ ref('utfall') }}
)
{% endset %}
{{ publicera(kalla) }}
