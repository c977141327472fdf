{#- The region's primary-care contacts (stg_primarvard__kontakter) with the days from the first contact to the
    assessment and whether that is within var gnv_bedomning_max_dygn (3 [I]) calendar days (docs/domain.md,
    "Primary-care contacts"). A contact without assessment is not within the limit. -#}
{%- set max_dygn = installning('gnv_bedomning_max_dygn') %}

with

kontakter as (
    select * from {{ ref('stg_primarvard__kontakter') }}
),

med_dagar as (
    select
        kontakt_id,
        person_id,
        kommun_kod,
        vardcentral,
        boendeform,
        kontakt_datum,
        bedomning_datum,
        yrkeskategori,
        plats,
        is_lakarbehov,
        {{ datum_dagar_mellan('kontakt_datum', 'bedomning_datum') }} as dagar_till_bedomning
    from kontakter
),

final as (
    select
        *,
        coalesce(dagar_till_bedomning between 0 and {{ max_dygn }}, false) as is_bedomd_inom_grans
    from med_dagar
)

select * from final
