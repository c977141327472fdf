{#- The yearly budget (stg_ekonomi__budget, per verksamhet and aktivitet) per municipality, year and object, for
    int_kpb_budgetunderlag. niva verksamhet: the budget's own verksamhet (summed over aktivitet). The translated
    levels: the budget of a (verksamhet, aktivitet) cell goes to the objects of int_kpb_utfall_cell_objekt in
    proportion to their net outcome in that cell over the months delivered in the year (budget(o) = budget(cell) ×
    utfall(cell, o) / utfall(cell)), rounded to the öre with the rounding remainder on the object with the largest
    outcome, so that Σ over objects = the cell's budget exactly. A budget row without aktivitet is the cell of every
    aktivitet of its verksamhet that has no budget of its own. A cell whose net outcome is not positive (nothing
    delivered, or revenue only) cannot be split: its budget is niva budget_ej_fordelad (objekt_kod = verksamhet). An
    object's share can be negative (a revenue excluded from KPB, e.g. user fees). budget_ore: öre. -#}

with

budget as (
    select * from {{ ref('stg_ekonomi__budget') }}
),

utfall_cell_objekt as (
    select * from {{ ref('int_kpb_utfall_cell_objekt') }}
),

budget_cell as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        verksamhet,
        aktivitet,
        {{ kpb_till_ore('sum(belopp)') }} as budget_ore
    from budget
    group by kommun_kod, cast(ar as integer), verksamhet, aktivitet
),

-- the budget cell a ledger row belongs to: its own (verksamhet, aktivitet) when the budget has that cell, else the
-- verksamhet's budget without aktivitet (a budget per verksamhet only covers every aktivitet of the verksamhet that
-- has no budget of its own)
utfall_budgetcell as (
    select
        utfall_cell_objekt.kommun_kod,
        utfall_cell_objekt.ar,
        utfall_cell_objekt.verksamhet,
        case when egen_cell.kommun_kod is not null then utfall_cell_objekt.aktivitet end as aktivitet,
        utfall_cell_objekt.niva,
        utfall_cell_objekt.objekt_kod,
        utfall_cell_objekt.regi,
        utfall_cell_objekt.belopp
    from utfall_cell_objekt
    left join budget_cell as egen_cell
        on {{ lika_kolumner('utfall_cell_objekt', 'egen_cell', ['kommun_kod', 'ar', 'verksamhet', 'aktivitet']) }}
),

-- the outcome per budget cell and object over the months delivered in the year, and the cell's total (the key)
cell_objekt_ar as (
    select
        kommun_kod,
        ar,
        verksamhet,
        aktivitet,
        niva,
        objekt_kod,
        regi,
        {{ kpb_till_ore('sum(belopp)') }} as utfall_ore,
        {{ kpb_till_ore('sum(sum(belopp)) over (partition by kommun_kod, ar, verksamhet, aktivitet)') }}
            as cell_utfall_ore
    from utfall_budgetcell
    group by kommun_kod, ar, verksamhet, aktivitet, niva, objekt_kod, regi
),

-- each cell's budget over its objects: rounded shares, then the öre left over to the largest outcome
budget_andelar_avrundade as (
    select
        budget_cell.kommun_kod,
        budget_cell.ar,
        budget_cell.verksamhet,
        budget_cell.aktivitet,
        cell_objekt_ar.niva,
        cell_objekt_ar.objekt_kod,
        cell_objekt_ar.regi,
        cell_objekt_ar.utfall_ore,
        budget_cell.budget_ore,
        cast({{ kpb_skalat_ore(
            'budget_cell.budget_ore', 'cell_objekt_ar.utfall_ore', 'cell_objekt_ar.cell_utfall_ore') }} as bigint) as andel_ore
    from budget_cell
    inner join cell_objekt_ar
        on
            {{ lika_kolumner('budget_cell', 'cell_objekt_ar', ['kommun_kod', 'ar', 'verksamhet']) }}
            and budget_cell.aktivitet is not distinct from cell_objekt_ar.aktivitet
    where cell_objekt_ar.cell_utfall_ore > 0
),

budget_andelar as (
    select
        *,
        row_number() over (
            partition by kommun_kod, ar, verksamhet, aktivitet
            order by abs(utfall_ore) desc, niva asc, objekt_kod asc, regi asc
        ) as rang,
        budget_ore - sum(andel_ore) over (partition by kommun_kod, ar, verksamhet, aktivitet) as rest_ore
    from budget_andelar_avrundade
),

fordelbara_celler as (
    select distinct
        kommun_kod,
        ar,
        verksamhet,
        aktivitet
    from cell_objekt_ar
    where cell_utfall_ore > 0
),

budget_ej_fordelad as (
    select
        budget_cell.kommun_kod,
        budget_cell.ar,
        'budget_ej_fordelad' as niva,
        budget_cell.verksamhet as objekt_kod,
        'alla' as regi,
        sum(budget_cell.budget_ore) as budget_ore
    from budget_cell
    left join fordelbara_celler as fordelbara
        on
            {{ lika_kolumner('budget_cell', 'fordelbara', ['kommun_kod', 'ar', 'verksamhet']) }}
            and budget_cell.aktivitet is not distinct from fordelbara.aktivitet
    where fordelbara.kommun_kod is null
    group by budget_cell.kommun_kod, budget_cell.ar, budget_cell.verksamhet
),

final as (
    select
        kommun_kod,
        ar,
        niva,
        objekt_kod,
        regi,
        sum(andel_ore + case when rang = 1 then rest_ore else 0 end) as budget_ore
    from budget_andelar
    group by kommun_kod, ar, niva, objekt_kod, regi

    union all

    select
        kommun_kod,
        ar,
        niva,
        objekt_kod,
        regi,
        budget_ore
    from budget_ej_fordelad

    union all

    select
        kommun_kod,
        ar,
        'verksamhet' as niva,
        verksamhet as objekt_kod,
        'alla' as regi,
        sum(budget_ore) as budget_ore
    from budget_cell
    group by kommun_kod, ar, verksamhet
)

select * from final
