{#- Budget and ledger outcome per municipality, year, month and object: the input of kpb.budgetutfall.
    Two levels of object (niva):
      verksamhet          the ledger's and the budget's own verksamhet (budget summed over aktivitet), regi 'alla';
      insats / pool / exkluderad / ej_oversatt
                          the ledger's rows as the translation table maps them (int_kpb_huvudbok_oversatt): an
                          insats with its regi, a shared cost pool, an exclusion (objekt_kod = its reason) or an
                          unmapped/ambiguous row (objekt_kod = omappad / tvetydig); budget_ej_fordelad holds the
                          budget of a (verksamhet, aktivitet) cell that cannot be translated (objekt_kod =
                          verksamhet).
    The outcome per month and object is int_kpb_utfall_cell_objekt's; the budget per year and object is
    int_kpb_budget_objekt's (the budget of a (verksamhet, aktivitet) cell translated by the outcome of its objects,
    to the öre): the budget is net, the insats's outcome is its net direct cost before påslag.
    Every month 1-12 of every year with a budget or a ledger row is listed; utfall_manad is NULL for a month the
    ledger has not delivered for the municipality (is_levererad false), 0 when delivered without rows. -#}

with

huvudbok as (
    select * from {{ ref('stg_ekonomi__huvudbok') }}
),

utfall_cell_objekt as (
    select * from {{ ref('int_kpb_utfall_cell_objekt') }}
),

budget_objekt as (
    select * from {{ ref('int_kpb_budget_objekt') }}
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

-- the ledger's net outcome per month and object, and per month and verksamhet
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

-- the objects with an outcome or a budget, each once
objekt as (
    {%- for kalla in ['utfall_objekt_manad', 'budget_objekt'] %}
        {%- if not loop.first %}

            union

        {%- endif %}
        select distinct
            kommun_kod,
            ar,
            niva,
            objekt_kod,
            regi
        from {{ kalla }}
    {%- endfor %}
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
        on {{ lika_kolumner('objekt', 'budget_objekt', ['kommun_kod', 'ar', 'niva', 'objekt_kod', 'regi']) }}
    left join utfall_objekt_manad
        on
            {{ lika_kolumner('objekt', 'utfall_objekt_manad', ['kommun_kod', 'ar']) }}
            and manader.manad = utfall_objekt_manad.manad
            and objekt.niva = utfall_objekt_manad.niva
            and objekt.objekt_kod = utfall_objekt_manad.objekt_kod
            and objekt.regi = utfall_objekt_manad.regi
    left join levererade_manader
        on
            {{ lika_kolumner('objekt', 'levererade_manader', ['kommun_kod', 'ar']) }}
            and manader.manad = levererade_manader.manad
)

select * from final
