with base as (
    select * from {{ ref('base_avvikelser__avvikelser') }}
),

final as (
    select
        avvikelse_id,
        avvikelse_datum,
        ar,
        rapporterande_huvudman,
        rapporterande_enhet,
        mottagande_huvudman,
        mottagande_enhet,
        kommun_kod,
        kategori,
        styrdokument,
        allvarlighet,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
