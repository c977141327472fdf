-- Budget vs outcome per municipality, year, month and object (verksamhet; via the translation table insats and
-- regi, pool, exclusion), per month and year to date, with the year-end forecast made from the months delivered.
-- Forecast method (var kpb_prognosmetod, default 'foregaende_ars_profil') [I]:
--   foregaende_ars_profil  last year's monthly profile of the same object: with P(m) = last year's outcome of
--                          months 1..m / last year's total, prognos_ar = utfall_ack(m) / P(m). Used only when last
--                          year delivered all twelve months and the object's outcome was positive in every one
--                          of them (a profile with a zero or negative month cannot scale the year);
--   linjar                 utfall_ack(m) × 12 / m — the fallback when there is no usable profile.
-- The monthly budget is the yearly budget spread by the same profile: budget_ack(m) = budget_ar × P(m) (or m / 12),
-- rounded to the öre, and budget_manad = budget_ack(m) - budget_ack(m - 1), so Σ budget_manad = budget_ar.
-- The forecast of month m needs months 1..m all delivered; otherwise it is NULL with prognos_orsak.
-- Avvikelse = budget - utfall (positive: under budget). All arithmetic in öre (integers), no float.
{%- set prognosmetod = kpb_prognosmetod() %}
with

underlag as (
    select * from {{ ref('int_kpb_budgetunderlag') }}
),

leveranser as (
    select
        kommun_kod,
        ar,
        manad,
        sum(case when is_levererad then 1 else 0 end) over (
            partition by kommun_kod, ar
            order by manad
            rows between unbounded preceding and current row
        ) as antal_levererade_tom
    from (
        select distinct
            kommun_kod,
            ar,
            manad,
            is_levererad
        from underlag
    ) as manader
),

senaste as (
    select
        kommun_kod,
        ar,
        max(manad) as senaste_manad
    from leveranser
    where antal_levererade_tom = manad
    group by kommun_kod, ar
),

-- last year's outcome of the same object: per month and year to date, the year's total, and whether it can serve
-- as a profile
foregaende_manad as (
    select
        kommun_kod,
        ar + 1 as ar,
        manad,
        niva,
        objekt_kod,
        regi,
        {{ kpb_till_ore('utfall_manad') }} as utfall_ore,
        is_levererad
    from underlag
),

foregaende_ack as (
    select
        *,
        sum(utfall_ore) over (
            partition by kommun_kod, ar, niva, objekt_kod, regi
            order by manad
            rows between unbounded preceding and current row
        ) as ack_ore,
        sum(utfall_ore) over (partition by kommun_kod, ar, niva, objekt_kod, regi) as total_ore,
        sum(case when is_levererad and utfall_ore > 0 then 1 else 0 end) over (
            partition by kommun_kod, ar, niva, objekt_kod, regi
        ) as antal_positiva_manader
    from foregaende_manad
),

rader as (
    select
        underlag.*,
        leveranser.antal_levererade_tom,
        senaste.senaste_manad,
        {{ kpb_till_ore('underlag.budget_ar') }} as budget_ore,
        {{ kpb_till_ore('underlag.utfall_manad') }} as utfall_manad_ore,
        sum({{ kpb_till_ore('underlag.utfall_manad') }}) over (
            partition by underlag.kommun_kod, underlag.ar, underlag.niva, underlag.objekt_kod, underlag.regi
            order by underlag.manad
            rows between unbounded preceding and current row
        ) as utfall_ack_summa_ore,
        coalesce(
            {{ 'false' if prognosmetod == 'linjar' else 'foregaende_ack.antal_positiva_manader = 12' }}, false
        ) as is_profil,
        foregaende_ack.ack_ore as foregaende_ack_ore,
        foregaende_ack.total_ore as foregaende_total_ore
    from underlag
    inner join leveranser
        on {{ lika_kolumner('underlag', 'leveranser', ['kommun_kod', 'ar', 'manad']) }}
    left join senaste
        on {{ lika_kolumner('underlag', 'senaste', ['kommun_kod', 'ar']) }}
    left join foregaende_ack
        on {{ lika_kolumner('underlag', 'foregaende_ack', [
            'kommun_kod', 'ar', 'manad', 'niva', 'objekt_kod', 'regi']) }}
),

berakning as (
    select
        *,
        case when antal_levererade_tom = manad then utfall_ack_summa_ore end as utfall_ack_ore,
        case
            when is_profil
                then {{ kpb_skalat_ore('budget_ore', 'foregaende_ack_ore', 'foregaende_total_ore') }}
            else {{ kpb_kvot('budget_ore * manad', '12', 0) }}
        end as budget_ack_ore
    from rader
),

prognos as (
    select
        *,
        budget_ack_ore - coalesce(lag(budget_ack_ore) over (
            partition by kommun_kod, ar, niva, objekt_kod, regi
            order by manad
        ), 0) as budget_manad_ore,
        case
            when utfall_ack_ore is null then null
            when is_profil
                then {{ kpb_skalat_ore('utfall_ack_ore', 'foregaende_total_ore', 'foregaende_ack_ore') }}
            else {{ kpb_kvot('utfall_ack_ore * 12', 'manad', 0) }}
        end as prognos_ore
    from berakning
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        cast(manad as integer) as manad,
        niva,
        objekt_kod,
        regi,
        budget_ar,
        {{ kpb_till_kronor('budget_manad_ore') }} as budget_manad,
        {{ kpb_till_kronor('budget_ack_ore') }} as budget_ack,
        utfall_manad,
        {{ kpb_till_kronor('utfall_ack_ore') }} as utfall_ack,
        {{ kpb_till_kronor('budget_manad_ore - utfall_manad_ore') }} as avvikelse_manad,
        {{ kpb_till_kronor('budget_ack_ore - utfall_ack_ore') }} as avvikelse_ack,
        is_levererad,
        cast(antal_levererade_tom as integer) as antal_levererade_manader,
        coalesce(manad = senaste_manad, false) as is_senaste_manad,
        {{ kpb_till_kronor('prognos_ore') }} as prognos_ar,
        {{ kpb_till_kronor('budget_ore - prognos_ore') }} as prognos_avvikelse,
        cast(case
            when prognos_ore is null then null
            when is_profil then 'foregaende_ars_profil'
            else 'linjar'
        end as {{ dbt.type_string() }}) as prognos_metod,
        cast(case
            when not is_levererad then 'månaden är inte levererad'
            when utfall_ack_ore is null then 'en tidigare månad av året är inte levererad'
        end as {{ dbt.type_string() }}) as prognos_orsak
    from prognos
)

select * from final
{{- radordning() }}
