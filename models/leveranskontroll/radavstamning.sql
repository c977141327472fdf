{#- Row reconciliation per file read: raw_rader (rows read) = anvanda_rader (usable, in the stg_ model) +
    karantan_rader (rows in karantan) + ersatta_rader (rows replaced by a later delivery, named in ersatt_av_filer).
    Tested in _leveranskontroll__models.yml. -#}
with

lasta_rader as (
    {{ staging_basunion([
        'case when karantan_orsak is null and ersatt_av is null then 1 else 0 end as is_anvand',
        'case when ersatt_av is not null then 1 else 0 end as is_ersatt',
        'ersatt_av',
    ]) }}
),

karantan as (
    select * from {{ ref('karantan') }}
),

per_fil as (
    select
        kalla_system,
        kalla_tabell,
        kalla_rot,
        kalla_fil,
        count(*) as raw_rader,
        sum(is_anvand) as anvanda_rader,
        sum(is_ersatt) as ersatta_rader,
        {{ sorterad_lista('ersatt_av', distinct=true) }} as ersatt_av_filer
    from lasta_rader
    group by kalla_system, kalla_tabell, kalla_rot, kalla_fil
),

karantan_per_fil as (
    select
        kalla_system,
        kalla_tabell,
        kalla_fil,
        count(*) as karantan_rader
    from karantan
    group by kalla_system, kalla_tabell, kalla_fil
),

final as (
    select
        per_fil.kalla_system,
        per_fil.kalla_tabell,
        per_fil.kalla_rot,
        per_fil.kalla_fil,
        per_fil.raw_rader,
        per_fil.anvanda_rader,
        coalesce(karantan_per_fil.karantan_rader, 0) as karantan_rader,
        per_fil.ersatta_rader,
        per_fil.ersatt_av_filer
    from per_fil
    left join karantan_per_fil
        on {{ lika_kolumner('per_fil', 'karantan_per_fil', ['kalla_system', 'kalla_tabell', 'kalla_fil']) }}
)

select * from final
