-- The ledger's own share of the municipality-wide overhead that belongs to KPB (issue 22, fix 2), per municipality
-- and year: the gross cost of the rows in KPB scope (mapped to an insats or a pool, except pools keyed by andel,
-- i.e. the overhead itself) over the municipality's gross cost, both without the overhead pools' rows and without
-- the verksamheter of var kpb_overhead_exkluderade_verksamheter (RS verksamhet 9, gemensamma verksamheter, where
-- the overhead is booked). Gross cost = the accounts whose first digit is in var kpb_bruttokostnad_kontoklasser
-- (Kommun-Bas classes 4-7). int_kpb_poolmottagare uses kpb_andel for a receiver of an andel-keyed pool whose andel
-- is empty in kpb_poolmottagare (a value in the seed overrides it). [I]
{%- set klasser = "'" ~ (installning('kpb_bruttokostnad_kontoklasser') | join("', '")) ~ "'" %}
{%- set villkor = ['true'] %}
{%- for prefix in installning('kpb_overhead_exkluderade_verksamheter') %}
    {%- do villkor.append("coalesce(oversatt.verksamhet, '') not like '" ~ prefix ~ "%'") %}
{%- endfor %}
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

pooler as (
    select * from {{ ref('int_kpb_poolkostnader') }}
),

andelspooler as (
    select distinct
        kommun_kod,
        ar,
        pool_id
    from pooler
    where fordelningsnyckel = 'andel'
),

brutto as (
    select
        oversatt.kommun_kod,
        oversatt.ar,
        sum(
            case when oversatt.maltyp in ('insats', 'pool') then oversatt.belopp else 0 end
        ) as kpb_bruttokostnad,
        sum(oversatt.belopp) as jamforelse_bruttokostnad
    from oversatt
    left join andelspooler
        on {{ lika_kolumner('oversatt', 'andelspooler', ['kommun_kod', 'ar', 'pool_id']) }}
    where
        andelspooler.pool_id is null
        and substring(oversatt.konto, 1, 1) in ({{ klasser }})
        and {{ villkor | join(' and ') }}
    group by oversatt.kommun_kod, oversatt.ar
),

final as (
    select
        kommun_kod,
        ar,
        cast(kpb_bruttokostnad as decimal(18, 2)) as kpb_bruttokostnad,
        cast(jamforelse_bruttokostnad as decimal(18, 2)) as jamforelse_bruttokostnad,
        cast(
            case
                when jamforelse_bruttokostnad > 0
                    then round(cast(kpb_bruttokostnad as decimal(38, 10)) / jamforelse_bruttokostnad, 6)
            end as decimal(18, 6)
        ) as kpb_andel
    from brutto
)

select * from final
