-- kpb.budgetutfall reconciles to the öre: for every municipality, year and month, the translated levels (insats,
-- pool, exkluderad, ej_oversatt, budget_ej_fordelad) carry exactly the budget and the outcome of the verksamhet
-- level, and the twelve monthly budgets of an object sum to its yearly budget.
{{ config(severity='error', tags=['kpb', 'budgetutfall', 'error']) }}
{%- set avvikelser %}
select
    kommun_kod,
    ar,
    manad,
    sum(case when niva = 'verksamhet' then budget_ar else 0 end) as budget_verksamhet,
    sum(case when niva <> 'verksamhet' then budget_ar else 0 end) as budget_oversatt,
    sum(case when niva = 'verksamhet' then utfall_manad else 0 end) as utfall_verksamhet,
    sum(case when niva <> 'verksamhet' then utfall_manad else 0 end) as utfall_oversatt
from {{ ref('budgetutfall') }}
group by kommun_kod, ar, manad
having
    sum(case when niva = 'verksamhet' then budget_ar else 0 end)
    <> sum(case when niva <> 'verksamhet' then budget_ar else 0 end)
    or sum(case when niva = 'verksamhet' then utfall_manad else 0 end)
    <> sum(case when niva <> 'verksamhet' then utfall_manad else 0 end)

union all

select
    kommun_kod,
    ar,
    0 as manad,
    max(budget_ar) as budget_verksamhet,
    sum(budget_manad) as budget_oversatt,
    null as utfall_verksamhet,
    null as utfall_oversatt
from {{ ref('budgetutfall') }}
where budget_ar is not null
group by kommun_kod, ar, niva, objekt_kod, regi
having count(*) = 12 and sum(budget_manad) <> max(budget_ar)
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, "KPB budgetutfall: the translated levels do not carry the verksamheter's budget and outcome, or the months do not sum to the year", ref('budgetutfall')) }}
{{ avvikelser }}
