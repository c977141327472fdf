-- KPB produktivitet per enhet (issue 11 §2, issue 22 fix 4): the unit cost of each insats and regi broken down per
-- enhet (hemtjänstgrupp, boende, extern utförare ...). Per enhet:
--   direkt_kostnad   the ledger rows of the insats and regi whose ansvar maps to the enhet (kpb_enheter, per regi);
--   fordelad_kostnad the insats's påslag split over its enheter POOL BY POOL, each by the pool's own key
--                    (kpb_kostnadspooler.fordelningsnyckel): direkt_kostnad and andel by the enhet's positive direct
--                    cost, brukare by its number of brukare, volym, personaltimmar and lika by its volume (staff
--                    hours and equal shares are known per insats, not per enhet [I]); when no enhet has a positive
--                    key value, by volume, then in equal shares - largest remainder in öre (macro
--                    kpb_storsta_rest), so Σ over enheter = the insats's påslag from each pool exactly;
--   volym            the volumes of the insats's volymtyp whose operational-system unit maps to the enhet;
--   styckkostnad     total_kostnad / volym (kr per mattenhet), NULL without volume.
-- Rows that map to no enhet are kept as enhet_kod 'ej_angiven': Σ over enheter of direkt_kostnad, fordelad_kostnad,
-- total_kostnad and volym = kpb.insatskostnad's figures for the insats and regi, to the öre
-- (tests/kpb/kpb_enhetskostnad_avstamning.sql).
with

underlag as (
    select * from {{ ref('int_kpb_enhetsunderlag') }}
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

poolfordelning as (
    select * from {{ ref('int_kpb_poolfordelning') }}
    where mottagare_typ = 'insats'
),

med_insats as (
    select
        underlag.kommun_kod,
        underlag.ar,
        underlag.insats_kod,
        underlag.regi,
        underlag.enhet_kod,
        underlag.enhet_namn,
        insatskostnad.volymtyp,
        insatskostnad.mattenhet,
        underlag.antal_huvudboksrader,
        {{ kpb_till_ore('underlag.direkt_kostnad') }} as direkt_ore,
        cast(
            case
                when insatskostnad.volymtyp = 'beviljad' then underlag.volym_beviljad
                when insatskostnad.volymtyp = 'utford' then underlag.volym_utford
                else 0
            end as decimal(18, 4)
        ) as volym,
        case
            when insatskostnad.volymtyp = 'beviljad' then underlag.antal_brukare_beviljad
            when insatskostnad.volymtyp = 'utford' then underlag.antal_brukare_utford
            else 0
        end as antal_brukare
    from underlag
    inner join insatskostnad
        on {{ lika_kolumner('underlag', 'insatskostnad', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
),

per_pool as (
    select
        med_insats.*,
        {{ kpb_till_tiotusendelar('med_insats.volym') }} as volym_e4,
        poolfordelning.pool_id,
        poolfordelning.fordelningsnyckel,
        poolfordelning.fordelat_ore as pool_till_insats_ore
    from med_insats
    inner join poolfordelning
        on
            {{ lika_kolumner('med_insats', 'poolfordelning', ['kommun_kod', 'ar']) }}
            and med_insats.insats_kod = poolfordelning.mottagare_insats_kod
            and med_insats.regi = poolfordelning.mottagare_regi
),

pool_nyckelvarden as (
    select
        *,
        case
            when fordelningsnyckel in ('direkt_kostnad', 'andel')
                then case when direkt_ore > 0 then direkt_ore else 0 end
            when fordelningsnyckel = 'brukare' then cast(antal_brukare as bigint)
            else volym_e4
        end as eget_nyckelvarde
    from per_pool
),

pool_summor as (
    select
        *,
        sum(eget_nyckelvarde) over (partition by kommun_kod, ar, insats_kod, regi, pool_id) as eget_summa,
        sum(volym_e4) over (partition by kommun_kod, ar, insats_kod, regi, pool_id) as volym_summa
    from pool_nyckelvarden
),

pool_nycklar as (
    select
        *,
        case
            when eget_summa > 0 then eget_nyckelvarde
            when volym_summa > 0 then volym_e4
            else 1
        end as nyckel
    from pool_summor
),

pool_per_enhet as (
    {{ kpb_storsta_rest(
        'pool_nycklar',
        grupp=['kommun_kod', 'ar', 'insats_kod', 'regi', 'pool_id'],
        belopp_ore='pool_till_insats_ore',
        nyckel='nyckel',
        ordning=['enhet_kod'],
        behall=['kommun_kod', 'ar', 'insats_kod', 'regi', 'enhet_kod', 'pool_id']) | indent(4) }}
),

paslag as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        enhet_kod,
        sum(fordelat_ore) as fordelat_ore
    from pool_per_enhet
    group by kommun_kod, ar, insats_kod, regi, enhet_kod
),

fordelning as (
    select
        med_insats.*,
        {{ kpb_till_tiotusendelar('med_insats.volym') }} as volym_e4,
        coalesce(paslag.fordelat_ore, 0) as fordelat_ore
    from med_insats
    left join paslag
        on {{ lika_kolumner('med_insats', 'paslag', ['kommun_kod', 'ar', 'insats_kod', 'regi', 'enhet_kod']) }}
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        insats_kod,
        regi,
        enhet_kod,
        enhet_namn,
        volymtyp,
        mattenhet,
        {{ kpb_till_kronor('direkt_ore') }} as direkt_kostnad,
        {{ kpb_till_kronor('fordelat_ore') }} as fordelad_kostnad,
        {{ kpb_till_kronor('direkt_ore + fordelat_ore') }} as total_kostnad,
        volym,
        case
            when antal_huvudboksrader > 0 or direkt_ore + fordelat_ore <> 0
                then {{ kpb_kvot('(direkt_ore + fordelat_ore) * 100', 'volym_e4', 4) }}
        end as styckkostnad,
        case
            when antal_huvudboksrader > 0 or direkt_ore + fordelat_ore <> 0
                then {{ kpb_kvot('direkt_ore * 100', 'volym_e4', 4) }}
        end as styckkostnad_direkt,
        case
            when volym_e4 = 0 and volymtyp is null then 'ej brukarrelaterad insats (ingen volym)'
            when volym_e4 = 0 then 'ingen volym på enheten'
            when antal_huvudboksrader = 0 and direkt_ore + fordelat_ore = 0
                then 'ingen kostnad på enheten (volymen har inga huvudboksrader, se kpb_enheter)'
        end as styckkostnad_saknas_orsak,
        cast(antal_brukare as bigint) as antal_brukare,
        cast(antal_huvudboksrader as bigint) as antal_huvudboksrader
    from fordelning
)

select * from final
{{- radordning() }}
