-- Budget vs outcome per municipality, verksamhet and month, year to date, and a year-end forecast from the months
-- delivered (issue 22). The budget (ekonomi/budget: a year's amount per verksamhet, the aktivitet rows summed) is
-- spread over the months by LAST YEAR's monthly profile of the verksamhet's outcome (1/12 each without a last year or
-- when last year's total is not positive); the outcome is the ledger's net amount per verksamhet and month (the same
-- sign convention as the budget). Months delivered = the months up to the latest accounting month the ledger holds
-- for the municipality and year (a month without bookings on a verksamhet is then 0, not missing).
--   prognos_helar  = utfall_ack × (last year's year total / last year's outcome of the same months) — the method
--                    'foregaende_ars_profil'; without a usable last year (none, or its same months sum to 0 or
--                    less): utfall_ack × 12 / months delivered ('linjar'); all 12 months delivered: the outcome
--                    ('helt_ar'); no month delivered: NULL.
--   insats_kod / pool_id: the one insats (or pool) the translation table maps the verksamhet's ledger rows to; NULL
--                    when it maps to several or none.
with

budget as (
    select
        kommun_kod,
        ar,
        verksamhet,
        sum(belopp) as budget_ar
    from {{ ref('stg_ekonomi__budget') }}
    group by kommun_kod, ar, verksamhet
),

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

utfall_manad as (
    select
        kommun_kod,
        ar,
        verksamhet,
        cast(cast(period as integer) - ar * 100 as integer) as manad,
        sum(belopp) as utfall
    from oversatt
    group by kommun_kod, ar, verksamhet, cast(cast(period as integer) - ar * 100 as integer)
),

levererat as (
    select
        kommun_kod,
        ar,
        max(cast(cast(period as integer) - ar * 100 as integer)) as antal_levererade_manader
    from oversatt
    group by kommun_kod, ar
),

mal as (
    select
        kommun_kod,
        ar,
        verksamhet,
        case when count(distinct insats_kod) = 1 then max(insats_kod) end as insats_kod,
        case when count(distinct pool_id) = 1 and count(distinct insats_kod) = 0 then max(pool_id) end as pool_id
    from oversatt
    where maltyp in ('insats', 'pool')
    group by kommun_kod, ar, verksamhet
),

verksamheter as (
    select
        kommun_kod,
        ar,
        verksamhet
    from budget
    union
    select
        kommun_kod,
        ar,
        verksamhet
    from utfall_manad
),

manader as (
    {%- for m in range(1, 13) %}
        select {{ m }} as manad
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

rutnat as (
    select
        verksamheter.kommun_kod,
        verksamheter.ar,
        verksamheter.verksamhet,
        manader.manad,
        coalesce(levererat.antal_levererade_manader, 0) as antal_levererade_manader,
        coalesce(denna.utfall, 0) as utfall_bokfort,
        coalesce(fjol.utfall, 0) as fjol_utfall
    from verksamheter
    cross join manader
    left join levererat
        on
            verksamheter.kommun_kod = levererat.kommun_kod
            and verksamheter.ar = levererat.ar
    left join utfall_manad as denna
        on
            verksamheter.kommun_kod = denna.kommun_kod
            and verksamheter.ar = denna.ar
            and verksamheter.verksamhet = denna.verksamhet
            and manader.manad = denna.manad
    left join utfall_manad as fjol
        on
            verksamheter.kommun_kod = fjol.kommun_kod
            and verksamheter.ar - 1 = fjol.ar
            and verksamheter.verksamhet = fjol.verksamhet
            and manader.manad = fjol.manad
),

med_summor as (
    select
        rutnat.*,
        sum(rutnat.fjol_utfall) over (partition by rutnat.kommun_kod, rutnat.ar, rutnat.verksamhet) as fjol_helar,
        sum(case when rutnat.manad <= rutnat.antal_levererade_manader then rutnat.fjol_utfall else 0 end)
            over (partition by rutnat.kommun_kod, rutnat.ar, rutnat.verksamhet) as fjol_samma_manader,
        sum(case when rutnat.manad <= rutnat.antal_levererade_manader then rutnat.utfall_bokfort else 0 end)
            over (partition by rutnat.kommun_kod, rutnat.ar, rutnat.verksamhet) as utfall_levererat
    from rutnat
),

med_budget as (
    select
        med_summor.*,
        budget.budget_ar,
        case
            when med_summor.fjol_helar > 0
                then round(budget.budget_ar * med_summor.fjol_utfall / med_summor.fjol_helar, 2)
            else round(budget.budget_ar / 12, 2)
        end as budget_manad_avrundad
    from med_summor
    left join budget
        on
            med_summor.kommun_kod = budget.kommun_kod
            and med_summor.ar = budget.ar
            and med_summor.verksamhet = budget.verksamhet
),

{# December takes the rounding remainder, so that the twelve months sum to the year's budget to the öre #}
budget_manader as (
    select
        med_budget.*,
        case
            when med_budget.manad = 12
                then
                    med_budget.budget_ar
                    - sum(case when med_budget.manad < 12 then med_budget.budget_manad_avrundad else 0 end)
                        over (partition by med_budget.kommun_kod, med_budget.ar, med_budget.verksamhet)
            else med_budget.budget_manad_avrundad
        end as budget_manad
    from med_budget
),

ackumulerat as (
    select
        budget_manader.*,
        sum(budget_manader.budget_manad) over (
            partition by budget_manader.kommun_kod, budget_manader.ar, budget_manader.verksamhet
            order by budget_manader.manad rows between unbounded preceding and current row
        ) as budget_ack,
        sum(budget_manader.utfall_bokfort) over (
            partition by budget_manader.kommun_kod, budget_manader.ar, budget_manader.verksamhet
            order by budget_manader.manad rows between unbounded preceding and current row
        ) as utfall_ack_bokfort
    from budget_manader
),

final as (
    select
        ackumulerat.kommun_kod,
        cast(ackumulerat.ar as integer) as ar,
        ackumulerat.verksamhet,
        cast(ackumulerat.manad as integer) as manad,
        mal.insats_kod,
        mal.pool_id,
        ackumulerat.manad <= ackumulerat.antal_levererade_manader as is_levererad,
        cast(ackumulerat.antal_levererade_manader as integer) as antal_levererade_manader,
        cast(ackumulerat.budget_ar as decimal(18, 2)) as budget_ar,
        cast(ackumulerat.budget_manad as decimal(18, 2)) as budget_manad,
        cast(ackumulerat.budget_ack as decimal(18, 2)) as budget_ack,
        cast(
            case when ackumulerat.manad <= ackumulerat.antal_levererade_manader then ackumulerat.utfall_bokfort end
            as decimal(18, 2)
        ) as utfall_manad,
        cast(
            case
                when ackumulerat.manad <= ackumulerat.antal_levererade_manader then ackumulerat.utfall_ack_bokfort
            end as decimal(18, 2)
        ) as utfall_ack,
        cast(
            case
                when ackumulerat.manad <= ackumulerat.antal_levererade_manader
                    then ackumulerat.budget_ack - ackumulerat.utfall_ack_bokfort
            end as decimal(18, 2)
        ) as avvikelse_ack,
        cast(
            case
                when ackumulerat.antal_levererade_manader = 0 then null
                when ackumulerat.antal_levererade_manader = 12 then ackumulerat.utfall_levererat
                when ackumulerat.fjol_samma_manader > 0
                    then round(
                        ackumulerat.utfall_levererat * ackumulerat.fjol_helar / ackumulerat.fjol_samma_manader, 2
                    )
                else round(ackumulerat.utfall_levererat * 12 / ackumulerat.antal_levererade_manader, 2)
            end as decimal(18, 2)
        ) as prognos_helar,
        cast(
            case
                when ackumulerat.antal_levererade_manader = 0 then null
                when ackumulerat.antal_levererade_manader = 12 then 'helt_ar'
                when ackumulerat.fjol_samma_manader > 0 then 'foregaende_ars_profil'
                else 'linjar'
            end as {{ dbt.type_string() }}
        ) as prognos_metod
    from ackumulerat
    left join mal
        on
            ackumulerat.kommun_kod = mal.kommun_kod
            and ackumulerat.ar = mal.ar
            and ackumulerat.verksamhet = mal.verksamhet
)

select
    *,
    cast(budget_ar - prognos_helar as decimal(18, 2)) as prognos_avvikelse
from final
