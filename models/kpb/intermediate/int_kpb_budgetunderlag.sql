{#- Budget and ledger outcome per municipality, year, month and object: the input of kpb.budgetutfall.
    Two levels of object (niva):
      verksamhet          the ledger's and the budget's own verksamhet (budget summed over aktivitet), regi 'alla';
      insats / pool / exkluderad / ej_oversatt
                          the ledger's rows as the translation table maps them (int_kpb_huvudbok_oversatt): an
                          insats with its regi, a shared cost pool, an exclusion (objekt_kod = its reason) or an
                          unmapped/ambiguous row (objekt_kod = omappad / tvetydig); budget_ej_fordelad holds the
                          budget of a (verksamhet, aktivitet) cell that cannot be translated (objekt_kod =
                          verksamhet).
    The budget is delivered per (verksamhet, aktivitet) and year, not per code string, so it is translated by the
    outcome: the budget of a cell goes to the objects in proportion to their net outcome in that cell over the
    months delivered in the year (budget(o) = budget(cell) × utfall(cell, o) / utfall(cell)), rounded to the öre
    with the rounding remainder on the object with the largest outcome, so that Σ over objects = the cell's budget
    exactly. A cell whose net outcome is not positive (nothing delivered, or revenue only) cannot be split: its
    budget is budget_ej_fordelad. An object's share can be negative (a revenue excluded from KPB, e.g. user fees):
    the budget is net, the insats's outcome is its net direct cost before påslag.
    Every month 1-12 of every year with a budget or a ledger row is listed; utfall_manad is NULL for a month the
    ledger has not delivered for the municipality (is_levererad false), 0 when delivered without rows. -#}

with

huvudbok as (
    select * from {{ ref('stg_ekonomi__huvudbok') }}
),

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

budget as (
    select * from {{ ref('stg_ekonomi__budget') }}
),

manader as (
    select 1 as manad
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5
    union all
    select 6
    union all
    select 7
    union all
    select 8
    union all
    select 9
    union all
    select 10
    union all
    select 11
    union all
    select 12
),

levererade_manader as (
    select distinct
        kommun_kod,
        cast(ar as integer) as ar,
        cast(manad as integer) as manad
    from huvudbok
),

-- the ledger's net outcome per cell (verksamhet, aktivitet), month and translated object
utfall_cell_objekt as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        cast(cast(period as integer) - cast(ar as integer) * 100 as integer) as manad,
        verksamhet,
        aktivitet,
        case maltyp
            when 'insats' then 'insats'
            when 'pool' then 'pool'
            when 'exkludera' then 'exkluderad'
            else 'ej_oversatt'
        end as niva,
        case maltyp
            when 'insats' then insats_kod
            when 'pool' then pool_id
            when 'exkludera' then exkluderingsorsak
            else maltyp
        end as objekt_kod,
        case when maltyp = 'insats' then regi else 'alla' end as regi,
        sum(belopp) as belopp
    from oversatt
    group by
        kommun_kod,
        cast(ar as integer),
        cast(cast(period as integer) - cast(ar as integer) * 100 as integer),
        verksamhet,
        aktivitet,
        maltyp,
        insats_kod,
        pool_id,
        exkluderingsorsak,
        regi
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
        on
            utfall_cell_objekt.kommun_kod = egen_cell.kommun_kod
            and utfall_cell_objekt.ar = egen_cell.ar
            and utfall_cell_objekt.verksamhet = egen_cell.verksamhet
            and utfall_cell_objekt.aktivitet = egen_cell.aktivitet
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
        cast({{ kpb_kvot(
            'cast(budget_cell.budget_ore as ' ~ kpb_typ_heltal128() ~ ') * cell_objekt_ar.utfall_ore',
            'cell_objekt_ar.cell_utfall_ore', 0) }} as bigint) as andel_ore
    from budget_cell
    inner join cell_objekt_ar
        on
            budget_cell.kommun_kod = cell_objekt_ar.kommun_kod
            and budget_cell.ar = cell_objekt_ar.ar
            and budget_cell.verksamhet = cell_objekt_ar.verksamhet
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
            budget_cell.kommun_kod = fordelbara.kommun_kod
            and budget_cell.ar = fordelbara.ar
            and budget_cell.verksamhet = fordelbara.verksamhet
            and budget_cell.aktivitet is not distinct from fordelbara.aktivitet
    where fordelbara.kommun_kod is null
    group by budget_cell.kommun_kod, budget_cell.ar, budget_cell.verksamhet
),

budget_objekt as (
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
),

utfall_objekt_manad as (
    select
        kommun_kod,
        ar,
        manad,
        niva,
        objekt_kod,
        regi,
        sum(belopp) as belopp
    from utfall_cell_objekt
    group by kommun_kod, ar, manad, niva, objekt_kod, regi

    union all

    select
        kommun_kod,
        ar,
        manad,
        'verksamhet' as niva,
        verksamhet as objekt_kod,
        'alla' as regi,
        sum(belopp) as belopp
    from utfall_cell_objekt
    group by kommun_kod, ar, manad, verksamhet
),

objekt as (
    select distinct
        kommun_kod,
        ar,
        niva,
        objekt_kod,
        regi
    from utfall_objekt_manad

    union

    select distinct
        kommun_kod,
        ar,
        niva,
        objekt_kod,
        regi
    from budget_objekt
),

final as (
    select
        objekt.kommun_kod,
        cast(objekt.ar as integer) as ar,
        cast(manader.manad as integer) as manad,
        cast(objekt.niva as {{ dbt.type_string() }}) as niva,
        cast(objekt.objekt_kod as {{ dbt.type_string() }}) as objekt_kod,
        cast(objekt.regi as {{ dbt.type_string() }}) as regi,
        {{ kpb_till_kronor('budget_objekt.budget_ore') }} as budget_ar,
        case
            when levererade_manader.manad is not null
                then cast(coalesce(utfall_objekt_manad.belopp, 0) as decimal(18, 2))
        end as utfall_manad,
        levererade_manader.manad is not null as is_levererad
    from objekt
    cross join manader
    left join budget_objekt
        on
            objekt.kommun_kod = budget_objekt.kommun_kod
            and objekt.ar = budget_objekt.ar
            and objekt.niva = budget_objekt.niva
            and objekt.objekt_kod = budget_objekt.objekt_kod
            and objekt.regi = budget_objekt.regi
    left join utfall_objekt_manad
        on
            objekt.kommun_kod = utfall_objekt_manad.kommun_kod
            and objekt.ar = utfall_objekt_manad.ar
            and manader.manad = utfall_objekt_manad.manad
            and objekt.niva = utfall_objekt_manad.niva
            and objekt.objekt_kod = utfall_objekt_manad.objekt_kod
            and objekt.regi = utfall_objekt_manad.regi
    left join levererade_manader
        on
            objekt.kommun_kod = levererade_manader.kommun_kod
            and objekt.ar = levererade_manader.ar
            and manader.manad = levererade_manader.manad
)

select * from final
