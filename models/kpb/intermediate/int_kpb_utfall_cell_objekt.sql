{#- The ledger's net outcome (int_kpb_huvudbok_oversatt) per municipality, year, month, budget cell (verksamhet,
    aktivitet) and translated object: niva insats (objekt_kod = the insats, with its regi), pool (the pool id),
    exkluderad (the exclusion reason) or ej_oversatt (omappad / tvetydig); regi 'alla' but for an insats. The
    outcome side of int_kpb_budgetunderlag, and the key by which int_kpb_budget_objekt translates the budget. -#}

with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

rader as (
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
        belopp
    from oversatt
),

final as (
    select
        kommun_kod,
        ar,
        manad,
        verksamhet,
        aktivitet,
        niva,
        objekt_kod,
        regi,
        sum(belopp) as belopp
    from rader
    group by kommun_kod, ar, manad, verksamhet, aktivitet, niva, objekt_kod, regi
)

select * from final
