{#- The administrative cost of SIP coordination: each time report (stg_tid__sip_tid) priced at the hourly salary
    cost of its role, principal and year (seed sip_lonekostnad: the role's own row, else the '*' row of the
    principal; the latest seed year not after the report's year). kostnad = minuter / 60 × timkostnad, rounded to
    the öre per report so that plan and municipality totals add up. A report without a price keeps kostnad NULL
    and is caught by the test tests/sip/assert_sip_tid_prissatt.sql. Grain: kalla_fil, kalla_rad. -#}

with

tid as (
    select * from {{ ref('stg_tid__sip_tid') }}
),

lonekostnad as (
    select * from {{ ref('sip_lonekostnad') }}
),

kandidater as (
    select
        tid.kalla_fil,
        tid.kalla_rad,
        lonekostnad.timkostnad,
        lonekostnad.yrkesroll as prissatt_som,
        lonekostnad.ar as pris_ar,
        row_number() over (
            partition by tid.kalla_fil, tid.kalla_rad
            order by case when lonekostnad.yrkesroll = tid.yrkesroll then 0 else 1 end, lonekostnad.ar desc
        ) as rangordning
    from tid
    inner join lonekostnad
        on
            tid.huvudman = lonekostnad.huvudman
            and (tid.yrkesroll = lonekostnad.yrkesroll or lonekostnad.yrkesroll = '*')
            and tid.ar >= lonekostnad.ar
),

pris as (
    select * from kandidater
    where rangordning = 1
),

final as (
    select
        tid.kalla_fil,
        tid.kalla_rad,
        tid.kommun_kod,
        tid.huvudman,
        tid.sip_id,
        tid.datum,
        cast(tid.ar as integer) as ar,
        tid.yrkesroll,
        tid.minuter,
        pris.prissatt_som,
        pris.pris_ar,
        pris.timkostnad,
        cast(tid.minuter * pris.timkostnad / 60 as decimal(18, 2)) as kostnad
    from tid
    left join pris
        on {{ lika_kolumner('tid', 'pris', ['kalla_fil', 'kalla_rad']) }}
)

select * from final
