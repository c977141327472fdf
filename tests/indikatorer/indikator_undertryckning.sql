{{ config(tags=['indikatorer', 'utfall']) }}
{#- Small-cell suppression over the whole of utfall: a row built on fewer than var('undertryck_min_personer')
    persons (or an unknown number) is marked is_undertryckt and has varde, taljare and namnare NULL; a row on enough
    persons is not suppressed. Rows returned = violations. -#}
{%- set min_personer = installning('undertryck_min_personer') %}

with

utfall as (
    select * from {{ ref('utfall') }}
),

final as (
    select
        indikator_id,
        kommun_kod,
        period_typ,
        period_start,
        dimension,
        dimension_varde,
        antal_personer,
        is_undertryckt,
        varde
    from utfall
    where
        (
            coalesce(antal_personer, 0) < {{ min_personer }}
            and (not is_undertryckt or varde is not null or taljare is not null or namnare is not null)
        )
        or (antal_personer >= {{ min_personer }} and is_undertryckt)
)

select * from final
