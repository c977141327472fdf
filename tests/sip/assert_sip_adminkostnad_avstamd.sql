{{ config(tags=['sip']) }}

{# The administrative cost reconciles to the öre: per municipality and year, kommun + region = total, and the total
    equals the priced time reports; over all plans, the plan-level cost equals the time reports tied to a plan. #}

with

kostnad as (
    select * from {{ ref('sip_kostnad') }}
),

plan_kostnad as (
    select * from {{ ref('sip_kostnad_plan') }}
),

tid as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

tid_per_kommun_ar as (
    select
        kommun_kod,
        ar,
        coalesce(sum(kostnad), 0) as kostnad
    from tid
    group by kommun_kod, ar
)

select
    kostnad.kommun_kod,
    kostnad.ar,
    'kommun + region <> total, or total <> tidrapporter' as fel
from kostnad
left join tid_per_kommun_ar
    on kostnad.kommun_kod = tid_per_kommun_ar.kommun_kod and kostnad.ar = tid_per_kommun_ar.ar
where
    kostnad.admin_kostnad_kommun + kostnad.admin_kostnad_region <> kostnad.admin_kostnad
    or kostnad.admin_kostnad <> coalesce(tid_per_kommun_ar.kostnad, 0)
union all
select
    null as kommun_kod,
    null as ar,
    'planernas kostnad <> tidrapporter knutna till en plan' as fel
from (select coalesce(sum(admin_kostnad), 0) as kostnad from plan_kostnad) as planer
where
    planer.kostnad <> (
        select coalesce(sum(tid.kostnad), 0)
        from tid
        inner join plan_kostnad on tid.sip_id = plan_kostnad.sip_id
    )
