{#- The national survey shares (stg_nationell_enkat__andelar) as indicator rows, for every indicator of the seed
    nationell_enkat_fragor: per municipality of the reporting grid and survey year, the municipality's own value
    when the file has one, else its county's (the county = the first two digits of kommun_kod) [I]; niva says
    which. varde = andel (%), namnare = antal_svar, taljare = andel × antal_svar / 100 (the positive answers the
    share stands for), antal_personer = antal_svar (the respondents; a county value is built on the county's). -#}

with

andelar as (
    select * from {{ ref('stg_nationell_enkat__andelar') }}
),

fragor as (
    select * from {{ ref('nationell_enkat_fragor') }}
),

perioder as (
    select * from {{ ref('int_indikator_perioder') }}
    where period_typ = 'ar'
),

varden as (
    select
        fragor.indikator_id,
        andelar.ar,
        andelar.lan_kod,
        andelar.kommun_kod,
        andelar.andel,
        andelar.antal_svar
    from andelar
    inner join fragor
        on
            andelar.undersokning = fragor.undersokning
            and andelar.fraga_id = fragor.fraga_id
),

indikatorer as (
    select distinct indikator_id
    from fragor
),

rutnat as (
    select
        indikatorer.indikator_id,
        perioder.kommun_kod,
        perioder.period_start,
        perioder.period_slut,
        cast(extract(year from perioder.period_start) as integer) as ar
    from perioder
    cross join indikatorer
),

valda as (
    select
        rutnat.indikator_id,
        rutnat.kommun_kod,
        rutnat.period_start,
        rutnat.period_slut,
        case when kommunvarden.andel is not null then 'kommun' else 'lan' end as niva,
        coalesce(kommunvarden.andel, lanvarden.andel) as andel,
        coalesce(kommunvarden.antal_svar, lanvarden.antal_svar) as antal_svar
    from rutnat
    left join varden as kommunvarden
        on
            rutnat.indikator_id = kommunvarden.indikator_id
            and rutnat.ar = kommunvarden.ar
            and rutnat.kommun_kod = kommunvarden.kommun_kod
    left join varden as lanvarden
        on
            rutnat.indikator_id = lanvarden.indikator_id
            and rutnat.ar = lanvarden.ar
            and substring(rutnat.kommun_kod, 1, 2) = lanvarden.lan_kod
            and lanvarden.kommun_kod is null
    where kommunvarden.andel is not null or lanvarden.andel is not null
),

final as (
    select
        indikator_id,
        kommun_kod,
        'ar' as period_typ,
        period_start,
        period_slut,
        'alla' as dimension,
        'alla' as dimension_varde,
        cast(andel * antal_svar / 100 as decimal(18, 4)) as taljare,
        cast(antal_svar as decimal(18, 4)) as namnare,
        cast(andel as decimal(18, 4)) as varde,
        cast(antal_svar as bigint) as antal_personer,
        niva
    from valda
)

select * from final
