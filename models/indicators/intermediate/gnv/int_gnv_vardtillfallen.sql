{#- Inpatient episodes (stg_region__vardtillfallen) prepared for the god och nära vård indicators: the year of
    admission, the patient's age on 31 December of that year (ar − birth year, the age SCB's population counts
    use, so that numerator and denominator match), and whether the episode is a fall injury (Socialstyrelsen's
    definition: an injury main diagnosis, first three characters in a range of seed gnv_skadediagnoser, S00–T98,
    AND a fall as external cause, yttre_orsak starting with a prefix of seed gnv_fallorsaker, W00–W19) or avoidable
    inpatient care (huvuddiagnos starts with a prefix of seed paverkbar_slutenvard_diagnoser, status U).
    Grain: vardtillfalle_id. #}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

fallorsaker as (
    select * from {{ ref('gnv_fallorsaker') }}
),

skadediagnoser as (
    select * from {{ ref('gnv_skadediagnoser') }}
),

paverkbara_diagnoser as (
    select * from {{ ref('paverkbar_slutenvard_diagnoser') }}
),

fall as (
    select distinct vardtillfallen.vardtillfalle_id
    from vardtillfallen
    inner join fallorsaker
        on vardtillfallen.yttre_orsak like fallorsaker.yttre_orsak_prefix || '%'
    inner join skadediagnoser
        on substr(vardtillfallen.huvuddiagnos, 1, 3) between skadediagnoser.kod_fran and skadediagnoser.kod_till
),

paverkbara as (
    select distinct vardtillfallen.vardtillfalle_id
    from vardtillfallen
    inner join paverkbara_diagnoser
        on vardtillfallen.huvuddiagnos like paverkbara_diagnoser.diagnos_prefix || '%'
),

final as (
    select
        vardtillfallen.vardtillfalle_id,
        vardtillfallen.person_id,
        vardtillfallen.kommun_kod,
        vardtillfallen.vardform,
        vardtillfallen.is_akut,
        vardtillfallen.inskrivning_tid,
        cast(extract(year from vardtillfallen.inskrivning_tid) as integer) as ar,
        cast(
            extract(year from vardtillfallen.inskrivning_tid)
            - extract(year from vardtillfallen.fodelsedatum)
            as integer
        ) as alder,
        fall.vardtillfalle_id is not null as is_fallskada,
        paverkbara.vardtillfalle_id is not null as is_paverkbar,
        vardtillfallen.huvuddiagnos
    from vardtillfallen
    left join fall on vardtillfallen.vardtillfalle_id = fall.vardtillfalle_id
    left join paverkbara on vardtillfallen.vardtillfalle_id = paverkbara.vardtillfalle_id
)

select * from final
