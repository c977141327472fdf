{#- The samverkan analysis groups and their members (seed analysgrupper): municipalities, hospitals and
    primary-care units, for the site's group pages. Not about persons: nothing to suppress. -#}
{{ publicera(ref('analysgrupper')) }}
