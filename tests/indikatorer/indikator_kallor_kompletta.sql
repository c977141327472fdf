{{ config(tags=['indikatorer', 'utfall']) }}
{#- Every computable catalogue row (demo_berakningsbar) names at least one source in indikator_kallor, so that
    indikatorer.utfall_saknas can say which delivery was missing when the indicator has no value. Rows returned =
    the catalogue rows without a source. -#}
with

katalog as (
    select * from {{ ref('indikator_katalog') }}
),

kallor as (
    select * from {{ ref('indikator_kallor') }}
),

final as (
    select
        katalog.indikator_id,
        'beräkningsbar enligt katalogen men utan rad i indikator_kallor' as orsak
    from katalog
    left join kallor
        on katalog.indikator_id = kallor.indikator_id
    where katalog.demo_berakningsbar and kallor.indikator_id is null
)

select * from final
