{#- The cost side of god och nära vård (issue 23; the VG report: "det saknas indikatorer ... kopplade till
    kostnader"): the region's inpatient cost of fall injuries and of avoidable admissions among persons 65+, per
    municipality and year of admission, as vårdtillfällen × vårddagar × the cost per vårddygn (seed
    vard_dygnskostnad, per vardform and year, status U).
      GNV_FALLSKADOR_65_KOSTNAD            episodes with is_fallskada of patients 65+ (GNV_FALLSKADOR_65's episodes)
      GNV_PAVERKBAR_SLUTENVARD_65_KOSTNAD  episodes with is_paverkbar of patients 65+ (every patient 65+, not
                                           only those enrolled in municipal health care) [I]
    vårddagar = discharge date - admission date, at least 1 (a same-day episode is one day) [I]; episodes still
    admitted (no discharge) are left out [I]. An episode of a year without a dygnskostnad adds no cost: the value is
    NULL (not 0) when any episode of the municipality and year lacks one. Rows: 'alla' and per vardform.
    taljare = the cost (kr), namnare 1 (NULL with a NULL cost), varde = taljare; antal_personer = the distinct
    patients. -#}

with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

region as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

dygnskostnad as (
    select * from {{ ref('vard_dygnskostnad') }}
),

episoder as (
    select
        vardtillfallen.kommun_kod,
        vardtillfallen.ar,
        vardtillfallen.person_id,
        vardtillfallen.vardform,
        vardtillfallen.is_fallskada,
        vardtillfallen.is_paverkbar,
        greatest(
            {{ datum_dagar_mellan('vardtillfallen.inskrivning_tid', 'region.utskrivning_tid') }}, 1
        ) as varddagar,
        dygnskostnad.dygnskostnad
    from vardtillfallen
    inner join region
        on vardtillfallen.vardtillfalle_id = region.vardtillfalle_id
    left join dygnskostnad
        on
            vardtillfallen.vardform = dygnskostnad.vardform
            and vardtillfallen.ar = dygnskostnad.ar
    where vardtillfallen.alder >= 65 and region.utskrivning_tid is not null
),

urval as (
    select
        'GNV_FALLSKADOR_65_KOSTNAD' as indikator_id,
        *
    from episoder
    where is_fallskada
    union all
    select
        'GNV_PAVERKBAR_SLUTENVARD_65_KOSTNAD' as indikator_id,
        *
    from episoder
    where is_paverkbar
),

per_dimension as (
    select
        indikator_id,
        kommun_kod,
        ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        person_id,
        varddagar,
        dygnskostnad
    from urval
    union all
    select
        indikator_id,
        kommun_kod,
        ar,
        'vardform' as dimension,
        vardform as dimension_varde,
        person_id,
        varddagar,
        dygnskostnad
    from urval
),

per_ar as (
    select
        indikator_id,
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        case
            when count(*) = count(dygnskostnad)
                then sum(cast(varddagar * dygnskostnad as decimal(18, 2)))
        end as kostnad,
        count(distinct person_id) as antal_personer
    from per_dimension
    group by indikator_id, kommun_kod, ar, dimension, dimension_varde
),

final as (
    select
        indikator_id,
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        kostnad as taljare,
        -- no amount without a cost: namnare is NULL with it (a published namnare beside an empty taljare would
        -- read as a hidden value)
        case when kostnad is not null then 1 end as namnare,
        kostnad as varde,
        antal_personer
    from per_ar
)

select * from final
