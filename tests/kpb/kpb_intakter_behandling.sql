-- Revenues (kontoklass 3) must land as their Kommun-Bas group's treatment in seeds/kpb/kpb_intaktsgrupper.csv says:
-- behandling 'exkludera' (user fees, rents, grants ...: never deducted from an insats) -> the row is excluded;
-- 'netto' (sales of verksamhet, internal revenue) -> the row is on an insats or a pool. A class-3 account whose
-- group is not in the seed is an error too. Catches a translation table whose priorities put user fees into an
-- insats (the KPB cost base does not deduct user fees, domain §1.3). Fails with the accounts, rules and amounts.
{{ config(severity='error', tags=['kpb', 'oversattning', 'error']) }}
{%- set avvikelser %}
with

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

grupper as (
    select * from {{ ref('kpb_intaktsgrupper') }}
)

select
    oversatt.kommun_kod,
    oversatt.ar,
    oversatt.konto,
    substr(oversatt.konto, 1, 2) as kontogrupp,
    grupper.behandling as behandling_enligt_kpb_intaktsgrupper,
    oversatt.maltyp,
    oversatt.regel_id,
    oversatt.insats_kod,
    oversatt.pool_id,
    case
        when grupper.kontogrupp is null then 'kontogruppen saknas i kpb_intaktsgrupper'
        when grupper.behandling = 'exkludera' then 'intakten minskar en insats/pool men gruppen ska exkluderas'
        else 'intakten exkluderas men gruppen ska nettas mot insatsen'
    end as fel,
    count(*) as antal_rader,
    sum(oversatt.belopp) as belopp
from oversatt
left join grupper
    on substr(oversatt.konto, 1, 2) = grupper.kontogrupp
where
    substr(oversatt.konto, 1, 1) = '3'
    and oversatt.maltyp in ('insats', 'pool', 'exkludera')
    and (
        grupper.kontogrupp is null
        or (grupper.behandling = 'exkludera' and oversatt.maltyp in ('insats', 'pool'))
        -- a netted group excluded because the verksamhet is outside KPB is fine: only in-scope exclusions count
        or (
            grupper.behandling = 'netto'
            and oversatt.maltyp = 'exkludera'
            and coalesce(oversatt.exkluderingsorsak, '') not in ('utanfor_kpb', 'finansiella_poster')
        )
    )
group by all
order by all
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: revenues that do not land as their Kommun-Bas group says (seeds/kpb/kpb_intaktsgrupper.csv: exkludera = never deducted from an insats, netto = deducted)', ref('int_kpb_huvudbok_oversatt')) }}
{{ avvikelser }}
