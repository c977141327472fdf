{#- Public mart: every indicator, per municipality, period and breakdown (grain indikator_id, kommun_kod,
    period_typ, period_start, dimension, dimension_varde), with the catalogue, the target and small-cell suppression.
    The rows come from int_indikator_unionerade (the union of every model tagged `indikator`) - without the
    indicators a source of which delivered no usable row (int_indikator_kallstatus; listed in utfall_saknas) -
    completed to the
    reporting grid: for every indicator and period type the build computes, every municipality and period of
    int_indikator_perioder has its 'alla' row; where the indicator model had none (nothing to measure there, e.g. no
    assessed goals in a year), the row has antal_personer 0 and is therefore suppressed.

    Target: indikator_malvarden for the year of period_start; a row for the municipality beats '*'.
    is_mal_uppfyllt: lagre_battre -> varde <= malvarde; hogre_battre -> varde >= malvarde; NULL when there is no
    target, the catalogue says riktning 'ingen', or the value is suppressed.
    Suppression: antal_personer < var('undertryck_min_personer') (default 5) -> is_undertryckt, and varde, taljare,
    namnare NULL.
    Partial periods (issue 22, fix 6): is_period_komplett is false when the data do not cover the whole period
    (int_indikator_perioder.is_komplett; periods outside that grid count as complete); a partial period's value is
    kept but flagged, and is never judged against a target (is_mal_uppfyllt NULL).
    Targets (fix 6): indikator_malvarden holds yearly targets; they apply to the period types of var
    utfall_mal_periodtyper (['ar'] [I]) and, with var utfall_mal_endast_alla (true [I]), to the 'alla' rows only
    (not to a clinic's or unit's breakdown). -#}
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

malkandidater as (
    select
        med_ar.indikator_id,
        med_ar.kommun_kod,
        med_ar.period_typ,
        med_ar.period_start,
        med_ar.dimension,
        med_ar.dimension_varde,
        malvarden.malvarde,
        row_number() over (
            partition by
                med_ar.indikator_id,
                med_ar.kommun_kod,
                med_ar.period_typ,
                med_ar.period_start,
                med_ar.dimension,
                med_ar.dimension_varde
            order by case when malvarden.kommun_kod = '*' then 1 else 0 end
        ) as rangordning
    from med_ar
    inner join malvarden
        on
            med_ar.indikator_id = malvarden.indikator_id
            and med_ar.ar = malvarden.ar
            and (med_ar.kommun_kod = malvarden.kommun_kod or malvarden.kommun_kod = '*')
    where
        med_ar.period_typ in ({{ mal_periodtyper }})
        and {{ "med_ar.dimension = 'alla'" if installning('utfall_mal_endast_alla') else 'true' }}
),

mal as (
    select *
    from malkandidater
    where rangordning = 1
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
        mal.malvarde,
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
    left join mal
        on
            med_ar.indikator_id = mal.indikator_id
            and med_ar.kommun_kod = mal.kommun_kod
            and med_ar.period_typ = mal.period_typ
            and med_ar.period_start = mal.period_start
            and med_ar.dimension = mal.dimension
            and med_ar.dimension_varde = mal.dimension_varde
),

final as (
    select
        cast(indikator_id as {{ indikator_typ_text() }}) as indikator_id,
        cast(indikator_namn as {{ indikator_typ_text() }}) as indikator_namn,
        cast(omrade as {{ indikator_typ_text() }}) as omrade,
        cast(enhet as {{ indikator_typ_text() }}) as enhet,
        cast(riktning as {{ indikator_typ_text() }}) as riktning,
        cast(kommun_kod as {{ indikator_typ_text() }}) as kommun_kod,
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
