-- The translation coverage report (KPB step 2, where every krona of the ledger went): per municipality, year,
-- account group (Kommun-Bas kontogrupp, the first two digits of konto) and target, the amount, the number of
-- ledger rows and the rule that took them. Revenue groups (kontoklass 3) carry their treatment and its reason from
-- seeds/kpb/kpb_intaktsgrupper.csv (exkludera = never deducted from an insats; netto = deducted), so that an
-- economist sees e.g. the user fees of group 31 as excluded and the sales of group 36 as netted on each insats.
-- Σ belopp over a municipality and year = kpb.avstamning.huvudbok_belopp.
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

intaktsgrupper as (
    select * from {{ ref('kpb_intaktsgrupper') }}
),

rader as (
    select
        kommun_kod,
        ar,
        substr(konto, 1, 1) as kontoklass,
        substr(konto, 1, 2) as kontogrupp,
        maltyp,
        case
            when maltyp = 'insats' then 'insats:' || insats_kod || ':' || coalesce(regi, '')
            when maltyp = 'pool' then 'pool:' || pool_id
            when maltyp = 'exkludera' then 'exkludera:' || coalesce(exkluderingsorsak, '')
            else maltyp
        end as mal_id,
        coalesce(regel_id, toppregel_ids, '(ingen regel)') as regel_id,
        insats_kod,
        regi,
        pool_id,
        exkluderingsorsak,
        belopp
    from oversatt
),

summerat as (
    select
        kommun_kod,
        ar,
        kontoklass,
        kontogrupp,
        maltyp,
        mal_id,
        regel_id,
        max(insats_kod) as insats_kod,
        max(regi) as regi,
        max(pool_id) as pool_id,
        max(exkluderingsorsak) as exkluderingsorsak,
        count(*) as antal_rader,
        sum(belopp) as belopp
    from rader
    group by kommun_kod, ar, kontoklass, kontogrupp, maltyp, mal_id, regel_id
),

final as (
    select
        summerat.kommun_kod,
        cast(summerat.ar as integer) as ar,
        summerat.kontoklass,
        summerat.kontogrupp,
        cast(
            case
                when summerat.kontoklass = '3' then coalesce(intaktsgrupper.gruppnamn, '(okänd intäktsgrupp)')
                when summerat.kontoklass = '4' then 'Kontoklass 4 Kostnader och utgifter (köp, material)'
                when summerat.kontoklass = '5' then 'Kontoklass 5 Kostnader för arbetskraft'
                when summerat.kontoklass in ('6', '7') then 'Kontoklass 6-7 Övriga verksamhetskostnader'
                when summerat.kontoklass = '8' then 'Kontoklass 8 Skatter, utjämning, finansiella poster'
                else 'Kontoklass ' || summerat.kontoklass
            end as {{ dbt.type_string() }}
        ) as kontogrupp_namn,
        cast(
            case
                when summerat.kontoklass <> '3' then 'kostnad'
                else coalesce(intaktsgrupper.behandling, 'okand')
            end as {{ dbt.type_string() }}
        ) as intakt_behandling,
        intaktsgrupper.motivering as intakt_motivering,
        intaktsgrupper.status as intakt_status,
        summerat.maltyp,
        summerat.mal_id,
        summerat.regel_id,
        summerat.insats_kod,
        summerat.regi,
        summerat.pool_id,
        summerat.exkluderingsorsak,
        cast(summerat.antal_rader as bigint) as antal_rader,
        cast(summerat.belopp as decimal(18, 2)) as belopp
    from summerat
    left join intaktsgrupper
        on summerat.kontogrupp = intaktsgrupper.kontogrupp
)

select * from final
{{- radordning() }}
