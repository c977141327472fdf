-- KPB step 2: every ledger row and the one translation rule it takes (kpb_oversattning).
-- A row takes the matching rule with the highest prioritet_hogre_vinner (the seed column's name states the
-- direction: the higher number wins). No matching rule -> maltyp 'omappad'; two or more
-- matching rules of equal top priority -> maltyp 'tvetydig'; both have no target and fail the tests in tests/kpb.
-- Whether a rule matches depends only on the row's code string (kommun_kod and the six dimensions), so the rules are
-- matched once per distinct code string (a few hundred thousand at national scale, not one per ledger row: the match
-- has no equality key and is a nested-loop join) and the result is joined back to the rows on the code string.
{#- incremental per month (macros/inkrementell.sql): each row is translated on its own, so a delivery recomputes
    only the months it touches -#}
{{ config(
    materialized=inkrementell_materialisering(),
    incremental_strategy='delete+insert',
    unique_key='cast(period as integer)',
    on_schema_change='sync_all_columns',
    pre_hook="{{ inkrementell_rensa('period') }}",
) }}
with

huvudbok as (
    select * from {{ ref('stg_ekonomi__huvudbok') }}
    {% if is_incremental() %}where cast(period as integer) in {{ inkrementell_andrade('period') }}{% endif %}
),

regler as (
    select * from {{ ref('kpb_oversattning') }}
),

-- the distinct code strings, numbered (read from the staging relation itself, not from the CTE huvudbok, so that
-- the engine scans the table twice instead of materialising the whole ledger once)
kodstrangar as (
    select
        kommun_kod,
        konto,
        ansvar,
        verksamhet,
        aktivitet,
        projekt,
        motpart,
        row_number() over (
            order by kommun_kod, konto, ansvar, verksamhet, aktivitet, projekt, motpart
        ) as kodstrang_nr
    from (
        select distinct
            kommun_kod,
            konto,
            ansvar,
            verksamhet,
            aktivitet,
            projekt,
            motpart
        from {{ ref('stg_ekonomi__huvudbok') }}
        {% if is_incremental() %}where cast(period as integer) in {{ inkrementell_andrade('period') }}{% endif %}
    ) as distinkta
),

matchningar as (
    select
        kodstrangar.kodstrang_nr,
        regler.regel_id,
        regler.prioritet_hogre_vinner as prioritet,
        regler.maltyp,
        regler.insats_kod,
        regler.regi,
        regler.pool_id,
        regler.exkluderingsorsak
    from kodstrangar
    inner join regler
        on
            (kodstrangar.kommun_kod = regler.kommun_kod or regler.kommun_kod = '*')
            and {{ kpb_matchar_monster('kodstrangar.konto', 'regler.konto') }}
            and {{ kpb_matchar_monster('kodstrangar.ansvar', 'regler.ansvar') }}
            and {{ kpb_matchar_monster('kodstrangar.verksamhet', 'regler.verksamhet') }}
            and {{ kpb_matchar_monster('kodstrangar.aktivitet', 'regler.aktivitet') }}
            and {{ kpb_matchar_monster('kodstrangar.projekt', 'regler.projekt') }}
            and {{ kpb_matchar_monster('kodstrangar.motpart', 'regler.motpart') }}
),

rangordnade as (
    select
        *,
        max(prioritet) over (partition by kodstrang_nr) as hogsta_prioritet,
        count(*) over (partition by kodstrang_nr) as antal_matchande_regler
    from matchningar
),

toppregler as (
    select
        kodstrang_nr,
        max(antal_matchande_regler) as antal_matchande_regler,
        count(*) as antal_toppregler,
        {{ sorterad_lista('regel_id') }} as toppregel_ids,
        max(regel_id) as regel_id,
        max(maltyp) as maltyp,
        max(insats_kod) as insats_kod,
        max(regi) as regi,
        max(pool_id) as pool_id,
        max(exkluderingsorsak) as exkluderingsorsak
    from rangordnade
    where prioritet = hogsta_prioritet
    group by kodstrang_nr
),

-- every code string with its top rules (none: the string matches no rule)
kodstrang_regler as (
    select
        kodstrangar.kommun_kod,
        kodstrangar.konto,
        kodstrangar.ansvar,
        kodstrangar.verksamhet,
        kodstrangar.aktivitet,
        kodstrangar.projekt,
        kodstrangar.motpart,
        toppregler.antal_matchande_regler,
        toppregler.antal_toppregler,
        toppregler.toppregel_ids,
        toppregler.regel_id,
        toppregler.maltyp,
        toppregler.insats_kod,
        toppregler.regi,
        toppregler.pool_id,
        toppregler.exkluderingsorsak
    from kodstrangar
    left join toppregler
        on kodstrangar.kodstrang_nr = toppregler.kodstrang_nr
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
        coalesce(kodstrang_regler.antal_matchande_regler, 0) as antal_matchande_regler,
        kodstrang_regler.toppregel_ids,
        case
            when kodstrang_regler.antal_toppregler is null then 'omappad'
            when kodstrang_regler.antal_toppregler > 1 then 'tvetydig'
            else kodstrang_regler.maltyp
        end as maltyp,
        case when kodstrang_regler.antal_toppregler = 1 then kodstrang_regler.regel_id end as regel_id,
        case when kodstrang_regler.antal_toppregler = 1 then kodstrang_regler.insats_kod end as insats_kod,
        case when kodstrang_regler.antal_toppregler = 1 then kodstrang_regler.regi end as regi,
        case when kodstrang_regler.antal_toppregler = 1 then kodstrang_regler.pool_id end as pool_id,
        case
            when kodstrang_regler.antal_toppregler = 1 then kodstrang_regler.exkluderingsorsak
        end as exkluderingsorsak,
        huvudbok.kalla_fil,
        huvudbok.kalla_rad
    from huvudbok
    left join kodstrang_regler
        on
            huvudbok.kommun_kod is not distinct from kodstrang_regler.kommun_kod
            and huvudbok.konto is not distinct from kodstrang_regler.konto
            and huvudbok.ansvar is not distinct from kodstrang_regler.ansvar
            and huvudbok.verksamhet is not distinct from kodstrang_regler.verksamhet
            and huvudbok.aktivitet is not distinct from kodstrang_regler.aktivitet
            and huvudbok.projekt is not distinct from kodstrang_regler.projekt
            and huvudbok.motpart is not distinct from kodstrang_regler.motpart
)

select * from final
