-- RS check (issue 22): KPB cost per RS verksamhet against the Räkenskapssammandrag's "kostnad för eget åtagande"
-- (seed kpb_rs_kostnad) or, when none is delivered, against the ledger's own verksamhet totals. Per municipality,
-- year and RS verksamhet (the ledger's verksamhet cut to var kpb_rs_verksamhet_siffror digits):
--   huvudbok_kostnad  Σ of the ledger rows in KPB's cost base (mapped to an insats or a pool) - the ledger's
--                     kostnad för eget åtagande: gross cost minus internal revenue and sales, fees not deducted;
--   kpb_direkt        the insatser's direct cost booked in the verksamhet;
--   kpb_paslag        each insats's påslag (kpb.insatskostnad.fordelad_kostnad) attributed to its verksamheter in
--                     proportion to its positive direct cost there (largest remainder in öre; 1 each without any);
--   kpb_kostnad       kpb_direkt + kpb_paslag (a pool's verksamhet has 0: its cost moved onto the insatser);
--   differens         kpb_kostnad − jamforelse_belopp (the RS figure when delivered, else huvudbok_kostnad).
-- Σ kpb_kostnad over the RS verksamheter = Σ insatskostnad.total_kostnad to the öre.
{%- set siffror = installning('kpb_rs_verksamhet_siffror') %}
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
    where maltyp in ('insats', 'pool')
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

rs as (
    select * from {{ ref('kpb_rs_kostnad') }}
),

per_verksamhet as (
    select
        kommun_kod,
        ar,
        substring(verksamhet, 1, {{ siffror }}) as rs_verksamhet,
        insats_kod,
        regi,
        maltyp,
        sum({{ kpb_till_ore('belopp') }}) as belopp_ore
    from oversatt
    group by kommun_kod, ar, substring(verksamhet, 1, {{ siffror }}), insats_kod, regi, maltyp
),

insats_verksamhet as (
    select
        per_verksamhet.kommun_kod,
        per_verksamhet.ar,
        per_verksamhet.rs_verksamhet,
        per_verksamhet.insats_kod,
        per_verksamhet.regi,
        per_verksamhet.belopp_ore as direkt_ore,
        {{ kpb_till_ore('insatskostnad.fordelad_kostnad') }} as paslag_ore,
        case when per_verksamhet.belopp_ore > 0 then per_verksamhet.belopp_ore else 0 end as positiv_ore
    from per_verksamhet
    inner join insatskostnad
        on {{ lika_kolumner('per_verksamhet', 'insatskostnad', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    where per_verksamhet.maltyp = 'insats'
),

med_nyckel as (
    select
        *,
        case
            when sum(positiv_ore) over (partition by kommun_kod, ar, insats_kod, regi) > 0 then positiv_ore
            else 1
        end as nyckel
    from insats_verksamhet
),

paslag as (
    {{ kpb_storsta_rest(
        'med_nyckel',
        grupp=['kommun_kod', 'ar', 'insats_kod', 'regi'],
        belopp_ore='paslag_ore',
        nyckel='nyckel',
        ordning=['rs_verksamhet'],
        behall=['kommun_kod', 'ar', 'rs_verksamhet', 'insats_kod', 'regi', 'direkt_ore']) | indent(4) }}
),

kpb_per_rs as (
    select
        kommun_kod,
        ar,
        rs_verksamhet,
        sum(direkt_ore) as direkt_ore,
        sum(fordelat_ore) as paslag_ore
    from paslag
    group by kommun_kod, ar, rs_verksamhet
),

huvudbok_per_rs as (
    select
        kommun_kod,
        ar,
        rs_verksamhet,
        sum(belopp_ore) as huvudbok_ore
    from per_verksamhet
    group by kommun_kod, ar, rs_verksamhet
),

final as (
    select
        huvudbok_per_rs.kommun_kod,
        cast(huvudbok_per_rs.ar as integer) as ar,
        cast(huvudbok_per_rs.rs_verksamhet as {{ dbt.type_string() }}) as rs_verksamhet,
        {{ kpb_till_kronor('huvudbok_per_rs.huvudbok_ore') }} as huvudbok_kostnad,
        {{ kpb_till_kronor('coalesce(kpb_per_rs.direkt_ore, 0)') }} as kpb_direkt,
        {{ kpb_till_kronor('coalesce(kpb_per_rs.paslag_ore, 0)') }} as kpb_paslag,
        {{ kpb_till_kronor('coalesce(kpb_per_rs.direkt_ore, 0) + coalesce(kpb_per_rs.paslag_ore, 0)') }}
            as kpb_kostnad,
        cast(rs.kostnad_eget_atagande as decimal(18, 2)) as rs_kostnad_eget_atagande,
        cast(
            case when rs.kostnad_eget_atagande is not null then 'rs' else 'huvudbok' end
            as {{ dbt.type_string() }}
        ) as jamforelse_kalla,
        cast(
            coalesce(rs.kostnad_eget_atagande, {{ kpb_till_kronor('huvudbok_per_rs.huvudbok_ore') }})
            as decimal(18, 2)
        ) as jamforelse_belopp,
        cast(
            {{ kpb_till_kronor('coalesce(kpb_per_rs.direkt_ore, 0) + coalesce(kpb_per_rs.paslag_ore, 0)') }}
            - coalesce(rs.kostnad_eget_atagande, {{ kpb_till_kronor('huvudbok_per_rs.huvudbok_ore') }})
            as decimal(18, 2)
        ) as differens
    from huvudbok_per_rs
    left join kpb_per_rs
        on {{ lika_kolumner('huvudbok_per_rs', 'kpb_per_rs', ['kommun_kod', 'ar', 'rs_verksamhet']) }}
    left join rs
        on {{ lika_kolumner('huvudbok_per_rs', 'rs', ['kommun_kod', 'ar', 'rs_verksamhet']) }}
)

select * from final
{{- radordning() }}
