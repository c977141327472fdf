-- KPB produktivitet per enhet (issue 11 §2): the unit cost of each insats and regi broken down per enhet
-- (hemtjänstgrupp, boende ...). Per enhet:
--   direkt_kostnad   the ledger rows of the insats and regi whose ansvar maps to the enhet (kpb_enheter);
--   fordelad_kostnad the insats's påslag (kpb.insatskostnad.fordelad_kostnad) split over its enheter in proportion to
--                    their direct cost (the default pool key, [I]; negative direct cost counts as 0), by volume when no
--                    enhet has a positive direct cost, in equal shares when none has volume either - largest
--                    remainder in öre (macro kpb_storsta_rest), so Σ over enheter = the insats's påslag exactly;
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
        {{ kpb_till_ore('insatskostnad.fordelad_kostnad') }} as insats_fordelat_ore,
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
        on
            underlag.kommun_kod = insatskostnad.kommun_kod
            and underlag.ar = insatskostnad.ar
            and underlag.insats_kod = insatskostnad.insats_kod
            and underlag.regi = insatskostnad.regi
),

med_summor as (
    select
        *,
        {{ kpb_till_tiotusendelar('volym') }} as volym_e4,
        sum(case when direkt_ore > 0 then direkt_ore else 0 end)
            over (partition by kommun_kod, ar, insats_kod, regi) as positiv_direkt_ore,
        sum({{ kpb_till_tiotusendelar('volym') }})
            over (partition by kommun_kod, ar, insats_kod, regi) as insats_volym_e4
    from med_insats
),

nycklar as (
    select
        *,
        case
            when positiv_direkt_ore > 0 then case when direkt_ore > 0 then direkt_ore else 0 end
            when insats_volym_e4 > 0 then volym_e4
            else 1
        end as nyckel
    from med_summor
),

fordelning as (
    {{ kpb_storsta_rest(
        'nycklar',
        grupp=['kommun_kod', 'ar', 'insats_kod', 'regi'],
        belopp_ore='insats_fordelat_ore',
        nyckel='nyckel',
        ordning=['enhet_kod'],
        behall=['kommun_kod', 'ar', 'insats_kod', 'regi', 'enhet_kod', 'enhet_namn', 'volymtyp', 'mattenhet',
            'antal_huvudboksrader', 'direkt_ore', 'volym', 'volym_e4', 'antal_brukare']) | indent(4) }}
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
        {{ kpb_kvot('(direkt_ore + fordelat_ore) * 100', 'volym_e4', 4) }} as styckkostnad,
        {{ kpb_kvot('direkt_ore * 100', 'volym_e4', 4) }} as styckkostnad_direkt,
        cast(antal_brukare as bigint) as antal_brukare,
        cast(antal_huvudboksrader as bigint) as antal_huvudboksrader
    from fordelning
)

select * from final
{{- radordning() }}
