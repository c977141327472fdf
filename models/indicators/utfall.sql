{#- Public mart: every indicator, per municipality, period and breakdown (grain indikator_id, kommun_kod,
    period_typ, period_start, dimension, dimension_varde), with the catalogue, the target, the municipality's
    analysis group (seed analysgrupper) and small-cell suppression. Rules (the reporting grid, indicators whose
    source delivered nothing, targets, partial periods, suppression): doc block indikatorer_utfall. -#}
{%- set min_personer = installning('undertryck_min_personer') %}
{%- set mal_periodtyper = "'" ~ (installning('utfall_mal_periodtyper') | join("', '")) ~ "'" %}

with

katalog as (
    select * from {{ ref('indikator_katalog') }}
),

malvarden as (
    select * from {{ ref('indikator_malvarden') }}
),

alla_indikatorvarden as (
    select * from {{ ref('int_indikator_unionerade') }}
),

kallstatus as (
    select * from {{ ref('int_indikator_kallstatus') }}
),

-- an indicator with a source that delivered nothing has no value here (not a 0 built on the missing file):
-- indikatorer.utfall_saknas lists it with the source
ej_levererade as (
    select distinct indikator_id
    from kallstatus
    where not is_levererad
),

unionerade as (
    select alla_indikatorvarden.*
    from alla_indikatorvarden
    left join ej_levererade
        on alla_indikatorvarden.indikator_id = ej_levererade.indikator_id
    where ej_levererade.indikator_id is null
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
),

berakningsbara as (
    select distinct
        indikator_id,
        period_typ
    from unionerade
),

rutnat as (
    select
        berakningsbara.indikator_id,
        perioder.kommun_kod,
        perioder.period_typ,
        perioder.period_start,
        perioder.period_slut
    from berakningsbara
    inner join perioder
        on berakningsbara.period_typ = perioder.period_typ
),

saknade as (
    select
        rutnat.indikator_id,
        rutnat.kommun_kod,
        rutnat.period_typ,
        rutnat.period_start,
        rutnat.period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        cast(null as decimal(18, 4)) as taljare,
        cast(null as decimal(18, 4)) as namnare,
        cast(null as decimal(18, 4)) as varde,
        cast(0 as bigint) as antal_personer
    from rutnat
    left join unionerade
        on
            rutnat.indikator_id = unionerade.indikator_id
            and rutnat.kommun_kod = unionerade.kommun_kod
            and rutnat.period_typ = unionerade.period_typ
            and rutnat.period_start = unionerade.period_start
            and unionerade.dimension = 'alla'
    where unionerade.indikator_id is null
),

indikatorvarden as (
    select
        {{- indikator_kolumnnamn() | indent(4) }}
    from unionerade
    union all
    select
        {{- indikator_kolumnnamn() | indent(4) }}
    from saknade
),

med_ar as (
    select
        *,
        cast(extract(year from period_start) as integer) as ar
    from indikatorvarden
),

analysgrupper as (
    select * from {{ ref('analysgrupper') }}
    where enhetstyp = 'kommun'
),

sammanfogade as (
    select
        med_ar.indikator_id,
        katalog.indikator_namn,
        katalog.omrade,
        katalog.enhet,
        katalog.riktning,
        med_ar.kommun_kod,
        med_ar.period_typ,
        med_ar.period_start,
        med_ar.period_slut,
        med_ar.ar,
        med_ar.dimension,
        med_ar.dimension_varde,
        med_ar.taljare,
        med_ar.namnare,
        med_ar.varde,
        med_ar.antal_personer,
        analysgrupper.analysgrupp_kod,
        -- the target: a municipality's own row beats '*'; only for the target's period types (and 'alla' rows)
        case
            when
                med_ar.period_typ in ({{ mal_periodtyper }})
                and {{ "med_ar.dimension = 'alla'" if installning('utfall_mal_endast_alla') else 'true' }}
                then coalesce(mal_kommun.malvarde, mal_alla.malvarde)
        end as malvarde,
        coalesce(perioder.is_komplett, true) as is_period_komplett,
        coalesce(med_ar.antal_personer, 0) < {{ min_personer }} as is_undertryckt
    from med_ar
    left join perioder
        on
            med_ar.kommun_kod = perioder.kommun_kod
            and med_ar.period_typ = perioder.period_typ
            and med_ar.period_start = perioder.period_start
    left join katalog
        on med_ar.indikator_id = katalog.indikator_id
    left join malvarden as mal_kommun
        on
            med_ar.indikator_id = mal_kommun.indikator_id
            and med_ar.ar = mal_kommun.ar
            and med_ar.kommun_kod = mal_kommun.kommun_kod
    left join malvarden as mal_alla
        on
            med_ar.indikator_id = mal_alla.indikator_id
            and med_ar.ar = mal_alla.ar
            and mal_alla.kommun_kod = '*'
    left join analysgrupper
        on med_ar.kommun_kod = analysgrupper.enhet_kod
),

final as (
    select
        cast(indikator_id as {{ indikator_typ_text() }}) as indikator_id,
        cast(indikator_namn as {{ indikator_typ_text() }}) as indikator_namn,
        cast(omrade as {{ indikator_typ_text() }}) as omrade,
        cast(enhet as {{ indikator_typ_text() }}) as enhet,
        cast(riktning as {{ indikator_typ_text() }}) as riktning,
        cast(kommun_kod as {{ indikator_typ_text() }}) as kommun_kod,
        cast(analysgrupp_kod as {{ indikator_typ_text() }}) as analysgrupp_kod,
        cast(period_typ as {{ indikator_typ_text() }}) as period_typ,
        cast(period_start as date) as period_start,
        cast(period_slut as date) as period_slut,
        cast(ar as integer) as ar,
        cast(dimension as {{ indikator_typ_text() }}) as dimension,
        cast(dimension_varde as {{ indikator_typ_text() }}) as dimension_varde,
        cast(case when not is_undertryckt then varde end as decimal(18, 4)) as varde,
        cast(case when not is_undertryckt then taljare end as decimal(18, 4)) as taljare,
        cast(case when not is_undertryckt then namnare end as decimal(18, 4)) as namnare,
        cast(antal_personer as bigint) as antal_personer,
        cast(malvarde as decimal(18, 4)) as malvarde,
        case
            when is_undertryckt or not is_period_komplett or malvarde is null or varde is null
                then cast(null as boolean)
            when riktning = 'lagre_battre' then varde <= malvarde
            when riktning = 'hogre_battre' then varde >= malvarde
        end as is_mal_uppfyllt,
        is_undertryckt,
        is_period_komplett
    from sammanfogade
)

select * from final
{{- radordning() }}
