{{ config(tags=['indikator']) }}
{#- UKD_DAGAR_PER_1000_65: utskrivningsklara dagar of patients aged 65 or over per 1 000 inhabitants aged 65 or over,
    per municipality and year (cf. Kolada N20404, days per inhabitant 65+). Numerator: the utskrivningsklar days
    (int_ukd_dagar, each day in the year of its own date) of patients 65+ on that day; denominator: the municipality's
    population 65+ on 31 December (stg_scb__befolkning). antal_personer: the distinct patients behind the numerator. -#}

with

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

befolkning as (
    select * from {{ ref('stg_scb__befolkning') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

dagar_65 as (
    select
        dagar.kommun_kod,
        dagar.person_id,
        dagar.datum
    from dagar
    inner join vardtillfallen
        on dagar.vardtillfalle_id = vardtillfallen.vardtillfalle_id
    where {{ datum_alder('vardtillfallen.fodelsedatum', 'dagar.datum') }} >= 65
),

invanare_65 as (
    select
        kommun_kod,
        ar,
        sum(antal) as antal_invanare
    from befolkning
    where alder >= 65
    group by
        kommun_kod,
        ar
),

per_ar as (
    select
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut,
        count(dagar_65.datum) as antal_dagar,
        count(distinct dagar_65.person_id) as antal_personer
    from perioder
    left join dagar_65
        on
            perioder.kommun_kod = dagar_65.kommun_kod
            and perioder.period_start <= dagar_65.datum
            and perioder.period_slut >= dagar_65.datum
    where perioder.period_typ = 'ar'
    group by
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut
),

aggregerade as (
    select
        per_ar.kommun_kod,
        per_ar.period_typ,
        per_ar.period_start,
        per_ar.period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        per_ar.antal_dagar as taljare,
        coalesce(invanare_65.antal_invanare, 0) as namnare,
        {{ indikator_kvot('per_ar.antal_dagar', 'invanare_65.antal_invanare', 1000) }} as varde,
        per_ar.antal_personer
    from per_ar
    left join invanare_65
        on
            per_ar.kommun_kod = invanare_65.kommun_kod
            and extract(year from per_ar.period_start) = invanare_65.ar
),

final as (
    {{ indikator_kolumner('UKD_DAGAR_PER_1000_65', 'aggregerade') | indent(4) }}
)

select * from final
