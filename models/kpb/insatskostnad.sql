-- KPB step 4: cost and unit cost per insats and regi for the whole municipality and year.
-- total_kostnad = direkt_kostnad + fordelad_kostnad (the pools' påslag); enhetskostnad = total_kostnad / volym,
-- volym of the volume type the unit cost is computed on (volymtyp; seed default, var kpb_volymtyp overrides).
-- Unit costs on both volume types are given beside it. Divisions are exact integer arithmetic (macro kpb_kvot).
-- Personlig assistans SFB is also given net of Försäkringskassan's assistansersättning (Kolada U25005): the FK
-- revenue is outside the KPB cost base (kpb_intaktsgrupper: group 35 excluded) but its translation rule attributes
-- it to the insats (exkluderingsorsak fk_assistansersattning), so fk_ersattning and enhetskostnad_netto_fk =
-- (total_kostnad − fk_ersattning) / volym can be shown beside the gross unit cost.
with

objekt as (
    select * from {{ ref('int_kpb_kostnadsobjekt') }}
),

poolfordelning as (
    select * from {{ ref('int_kpb_poolfordelning') }}
),

oversatt as (
    select * from {{ ref('int_kpb_huvudbok_oversatt') }}
),

fk_ersattning as (
    select
        kommun_kod,
        ar,
        insats_kod,
        regi,
        -sum(belopp) as fk_ersattning
    from oversatt
    where maltyp = 'exkludera' and exkluderingsorsak = 'fk_assistansersattning' and insats_kod is not null
    group by kommun_kod, ar, insats_kod, regi
),

fordelat as (
    select
        kommun_kod,
        ar,
        mottagare_insats_kod as insats_kod,
        mottagare_regi as regi,
        sum(fordelat_ore) as fordelat_ore
    from poolfordelning
    where mottagare_typ = 'insats'
    group by kommun_kod, ar, mottagare_insats_kod, mottagare_regi
),

i_ore as (
    select
        objekt.*,
        {{ kpb_till_ore('objekt.direkt_kostnad') }} as direkt_ore,
        coalesce(fordelat.fordelat_ore, 0) as fordelat_ore,
        {{ kpb_till_ore('objekt.direkt_kostnad') }} + coalesce(fordelat.fordelat_ore, 0) as total_ore,
        {{ kpb_till_tiotusendelar('objekt.volym') }} as volym_e4,
        {{ kpb_till_tiotusendelar('objekt.volym_beviljad') }} as volym_beviljad_e4,
        {{ kpb_till_tiotusendelar('objekt.volym_utford') }} as volym_utford_e4,
        fk_ersattning.fk_ersattning,
        {{ kpb_till_ore('fk_ersattning.fk_ersattning') }} as fk_ore
    from objekt
    left join fordelat
        on {{ lika_kolumner('objekt', 'fordelat', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join fk_ersattning
        on {{ lika_kolumner('objekt', 'fk_ersattning', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        insats_kod,
        regi,
        insats_namn,
        omrade,
        volymtyp,
        mattenhet,
        {{ kpb_till_kronor('direkt_ore') }} as direkt_kostnad,
        {{ kpb_till_kronor('fordelat_ore') }} as fordelad_kostnad,
        {{ kpb_till_kronor('total_ore') }} as total_kostnad,
        volym,
        volym_beviljad,
        volym_utford,
        {{ kpb_kvot('total_ore * 100', 'volym_e4', 4) }} as enhetskostnad,
        {{ kpb_kvot('direkt_ore * 100', 'volym_e4', 4) }} as enhetskostnad_direkt,
        {{ kpb_kvot('fordelat_ore * 100', 'volym_e4', 4) }} as enhetskostnad_fordelad,
        {{ kpb_kvot('total_ore * 100', 'volym_beviljad_e4', 4) }} as enhetskostnad_beviljad,
        {{ kpb_kvot('total_ore * 100', 'volym_utford_e4', 4) }} as enhetskostnad_utford,
        cast(fk_ersattning as decimal(18, 2)) as fk_ersattning,
        {{ kpb_kvot('(total_ore - fk_ore) * 100', 'volym_e4', 4) }} as enhetskostnad_netto_fk,
        cast(antal_brukare as bigint) as antal_brukare,
        cast(antal_huvudboksrader as bigint) as antal_huvudboksrader,
        is_brukarrelaterad,
        is_sarskilt_boende,
        case
            when not is_brukarrelaterad then 'ej_brukarrelaterad'
            when volym_e4 = 0 then 'ej_fordelbar'
            else 'brukare'
        end as kostnadsslag
    from i_ore
)

select * from final
{{- radordning() }}
