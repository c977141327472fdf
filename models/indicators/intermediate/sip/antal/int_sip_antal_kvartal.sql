{#- SIP counts per municipality, quarter and breakdown, in long form (one row per measure), as SAMSA's own report
    gives them: plans started, established, followed up and closed in the quarter, and plans open at its end
    (established on or before the last day and not closed by then). A plan counts once per measure and quarter,
    however many events or units it had. Breakdown: 'alla', and each hälsovalsenhet / klinik that took part in
    the plan (a plan with two kliniker counts for both, so the unit rows do not add up to 'alla').
    Quarters: every quarter in which any SIP event occurs (no gaps in the demo; a quarter without any event in the
    whole build gets no row). Grain: kommun_kod, kvartal_start, dimension, dimension_varde, matt. -#}

with

planer as (
    select * from {{ ref('int_sip_planer') }}
),

enheter as (
    select * from {{ ref('int_sip_enheter') }}
),

handelser as (
    select * from {{ ref('stg_samsa__sip_handelser') }}
),

kvartal as (
    select distinct {{ datum_period_start('kvartal', 'handelse_tid') }} as kvartal_start
    from handelser
    where handelse_tid is not null
),

matt_lista as (
    select 'startade' as matt
    union all
    select 'upprattade'
    union all
    select 'uppfoljda'
    union all
    select 'avslutade'
    union all
    select 'oppna'
),

{# one row per plan and breakdown value it belongs to #}
plan_dimension as (
    select
        sip_id,
        person_id,
        kommun_kod,
        'alla' as dimension,
        'alla' as dimension_varde
    from planer
    union
    select
        planer.sip_id,
        planer.person_id,
        planer.kommun_kod,
        'halsovalsenhet' as dimension,
        enheter.halsovalsenhet as dimension_varde
    from planer
    inner join enheter on planer.sip_id = enheter.sip_id
    where enheter.halsovalsenhet is not null
    union
    select
        planer.sip_id,
        planer.person_id,
        planer.kommun_kod,
        'klinik' as dimension,
        enheter.klinik as dimension_varde
    from planer
    inner join enheter on planer.sip_id = enheter.sip_id
    where enheter.klinik is not null
),

{# one row per plan, quarter and measure that applies #}
plan_kvartal as (
    select
        sip_id,
        {{ datum_period_start('kvartal', 'startad_tid') }} as kvartal_start,
        'startade' as matt
    from planer
    where startad_tid is not null
    union all
    select
        sip_id,
        {{ datum_period_start('kvartal', 'upprattad_tid') }} as kvartal_start,
        'upprattade' as matt
    from planer
    where upprattad_tid is not null
    union all
    select
        sip_id,
        {{ datum_period_start('kvartal', 'avslutad_tid') }} as kvartal_start,
        'avslutade' as matt
    from planer
    where avslutad_tid is not null
    union all
    select distinct
        sip_id,
        {{ datum_period_start('kvartal', 'handelse_tid') }} as kvartal_start,
        'uppfoljda' as matt
    from handelser
    where handelse = 'uppfoljd' and handelse_tid is not null
    union all
    select
        planer.sip_id,
        kvartal.kvartal_start,
        'oppna' as matt
    from planer
    inner join kvartal
        on
            planer.upprattad_tid < {{ dbt.dateadd('month', 3, 'kvartal.kvartal_start') }}
            and (
                planer.avslutad_tid is null
                or planer.avslutad_tid >= {{ dbt.dateadd('month', 3, 'kvartal.kvartal_start') }}
            )
),

raknade as (
    select
        plan_dimension.kommun_kod,
        plan_kvartal.kvartal_start,
        plan_dimension.dimension,
        plan_dimension.dimension_varde,
        plan_kvartal.matt,
        count(distinct plan_kvartal.sip_id) as antal_planer,
        count(distinct plan_dimension.person_id) as antal_personer
    from plan_kvartal
    inner join plan_dimension on plan_kvartal.sip_id = plan_dimension.sip_id
    group by
        plan_dimension.kommun_kod,
        plan_kvartal.kvartal_start,
        plan_dimension.dimension,
        plan_dimension.dimension_varde,
        plan_kvartal.matt
),

{# every municipality and breakdown value it has, in every quarter and measure (zero when nothing happened) #}
ramar as (
    select
        dimensioner.kommun_kod,
        kvartal.kvartal_start,
        dimensioner.dimension,
        dimensioner.dimension_varde,
        matt_lista.matt
    from (
        select distinct
            kommun_kod,
            dimension,
            dimension_varde
        from plan_dimension
    ) as dimensioner
    cross join kvartal
    cross join matt_lista
),

final as (
    select
        ramar.kommun_kod,
        ramar.kvartal_start,
        {{ datum_period_slut('kvartal', 'ramar.kvartal_start') }} as kvartal_slut,
        ramar.dimension,
        ramar.dimension_varde,
        ramar.matt,
        cast(coalesce(raknade.antal_planer, 0) as bigint) as antal_planer,
        cast(coalesce(raknade.antal_personer, 0) as bigint) as antal_personer
    from ramar
    left join raknade
        on {{ lika_kolumner('ramar', 'raknade', [
            'kommun_kod', 'kvartal_start', 'dimension', 'dimension_varde', 'matt']) }}
)

select * from final
