-- KPB step 2: every ledger row and the one translation rule it takes (kpb_oversattning).
-- A row takes the matching rule with the highest prioritet_hogre_vinner (the seed column's name states the
-- direction: the higher number wins). No matching rule -> maltyp 'omappad'; two or more
-- matching rules of equal top priority -> maltyp 'tvetydig'; both have no target and fail the tests in tests/kpb.
with

huvudbok as (
    select * from {{ ref('stg_ekonomi__huvudbok') }}
),

regler as (
    select * from {{ ref('kpb_oversattning') }}
),

matchningar as (
    select
        huvudbok.huvudbok_rad_id,
        regler.regel_id,
        regler.prioritet_hogre_vinner as prioritet,
        regler.maltyp,
        regler.insats_kod,
        regler.regi,
        regler.pool_id,
        regler.exkluderingsorsak
    from huvudbok
    inner join regler
        on
            (huvudbok.kommun_kod = regler.kommun_kod or regler.kommun_kod = '*')
            and {{ kpb_matchar_monster('huvudbok.konto', 'regler.konto') }}
            and {{ kpb_matchar_monster('huvudbok.ansvar', 'regler.ansvar') }}
            and {{ kpb_matchar_monster('huvudbok.verksamhet', 'regler.verksamhet') }}
            and {{ kpb_matchar_monster('huvudbok.aktivitet', 'regler.aktivitet') }}
            and {{ kpb_matchar_monster('huvudbok.projekt', 'regler.projekt') }}
            and {{ kpb_matchar_monster('huvudbok.motpart', 'regler.motpart') }}
),

rangordnade as (
    select
        *,
        max(prioritet) over (partition by huvudbok_rad_id) as hogsta_prioritet,
        count(*) over (partition by huvudbok_rad_id) as antal_matchande_regler
    from matchningar
),

toppregler as (
    select
        huvudbok_rad_id,
        max(antal_matchande_regler) as antal_matchande_regler,
        count(*) as antal_toppregler,
        {{ dbt.listagg('regel_id', "', '", 'order by regel_id') }} as toppregel_ids,
        max(regel_id) as regel_id,
        max(maltyp) as maltyp,
        max(insats_kod) as insats_kod,
        max(regi) as regi,
        max(pool_id) as pool_id,
        max(exkluderingsorsak) as exkluderingsorsak
    from rangordnade
    where prioritet = hogsta_prioritet
    group by huvudbok_rad_id
),

final as (
    select
        huvudbok.huvudbok_rad_id,
        huvudbok.kommun_kod,
        huvudbok.ar,
        huvudbok.period,
        huvudbok.konto,
        huvudbok.ansvar,
        huvudbok.verksamhet,
        huvudbok.aktivitet,
        huvudbok.projekt,
        huvudbok.motpart,
        huvudbok.belopp,
        coalesce(toppregler.antal_matchande_regler, 0) as antal_matchande_regler,
        toppregler.toppregel_ids,
        case
            when toppregler.huvudbok_rad_id is null then 'omappad'
            when toppregler.antal_toppregler > 1 then 'tvetydig'
            else toppregler.maltyp
        end as maltyp,
        case when toppregler.antal_toppregler = 1 then toppregler.regel_id end as regel_id,
        case when toppregler.antal_toppregler = 1 then toppregler.insats_kod end as insats_kod,
        case when toppregler.antal_toppregler = 1 then toppregler.regi end as regi,
        case when toppregler.antal_toppregler = 1 then toppregler.pool_id end as pool_id,
        case when toppregler.antal_toppregler = 1 then toppregler.exkluderingsorsak end as exkluderingsorsak,
        huvudbok.kalla_fil,
        huvudbok.kalla_rad
    from huvudbok
    left join toppregler
        on huvudbok.huvudbok_rad_id = toppregler.huvudbok_rad_id
)

select * from final
