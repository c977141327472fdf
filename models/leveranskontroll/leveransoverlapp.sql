{#- Periods delivered by more than one file, for the ledger and the operational system's volumes: one row per
    source, kommun_kod, period and file, with the number of the file's rows of that period that are used and
    replaced. Rows with the same key are never counted twice (the later file's row replaces the earlier one); a
    row of an earlier file whose key the later file does not deliver stays, so a correction that drops a code
    string must be delivered as a full month AND the earlier file removed: the warning on this model names both. -#}
with

rader as (
    select
        'ekonomi' as kalla_system,
        'huvudbok' as kalla_tabell,
        kommun_kod,
        period,
        kalla_fil,
        case when ersatt_av is null then 1 else 0 end as is_anvand,
        case when ersatt_av is not null then 1 else 0 end as is_ersatt
    from {{ ref('base_ekonomi__huvudbok') }}
    where karantan_orsak is null
    union all
    select
        'verksamhet' as kalla_system,
        'insatser' as kalla_tabell,
        kommun_kod,
        period,
        kalla_fil,
        case when ersatt_av is null then 1 else 0 end as is_anvand,
        case when ersatt_av is not null then 1 else 0 end as is_ersatt
    from {{ ref('base_verksamhet__insatser') }}
    where karantan_orsak is null
),

per_fil as (
    select
        kalla_system,
        kalla_tabell,
        kommun_kod,
        period,
        kalla_fil,
        sum(is_anvand) as anvanda_rader,
        sum(is_ersatt) as ersatta_rader
    from rader
    group by kalla_system, kalla_tabell, kommun_kod, period, kalla_fil
),

final as (
    select
        *,
        count(*) over (partition by kalla_system, kalla_tabell, kommun_kod, period) as antal_filer
    from per_fil
    qualify count(*) over (partition by kalla_system, kalla_tabell, kommun_kod, period) > 1
)

select * from final
