{#- Every raw row that staging could not use: which file and line, the first column that failed, the reason and the
    raw value. A personnummer value is never stored: the base models do not keep it, and withhold any other value
    that looks like one (macro staging_bas); the personnummer rule is repeated here as a last guard. -#}
{{ config(materialized='table') }}

with

karantanrader as (
    {{ staging_basunion(
        ['karantan_kolumn as kolumn', 'karantan_orsak as orsak', 'karantan_varde as varde'],
        'karantan_orsak is not null',
    ) }}
),

final as (
    select
        kalla_system,
        kalla_tabell,
        kalla_rot,
        kalla_fil,
        kalla_rad,
        kolumn,
        orsak,
        case when kolumn = 'personnummer' then null else varde end as varde
    from karantanrader
)

select * from final
