{#- The deviations (avvikelser i samverkan) as indicator events: one row per usable deviation of
    stg_avvikelser__avvikelser, with the principal pair (reporting principal 'till' receiving principal, e.g.
    'region_till_kommun') and the steering document / severity as breakdown values ('ej_angivet' when the file names
    none). datum is the date of the deviation; person_id is the deviation's id: a deviation is the counted unit and
    what small-cell suppression protects (the file carries no person) [I]. -#}

with

avvikelser as (
    select * from {{ ref('stg_avvikelser__avvikelser') }}
),

final as (
    select
        kommun_kod,
        avvikelse_id as person_id,
        avvikelse_datum as datum,
        concat(rapporterande_huvudman, '_till_', mottagande_huvudman) as huvudmannapar,
        kategori,
        coalesce(styrdokument, 'ej_angivet') as styrdokument,
        coalesce(allvarlighet, 'ej_angivet') as allvarlighet
    from avvikelser
)

select * from final
