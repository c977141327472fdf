-- Translation rules (kpb_oversattning): a rule B is shadowed when another rule A matches every ledger row that B
-- matches (A's pattern covers B's in every dimension and A applies to B's municipality) and A wins
-- (prioritet_hogre_vinner of A > that of B). B can then never take a row: usually the priorities were written the
-- wrong way round ("1 = first"). Warns with both rules, their patterns and priorities (also printed in the log).
{{ config(severity='warn', tags=['kpb', 'oversattning', 'konfiguration']) }}
{%- set avvikelser %}
with

regler as (
    select * from {{ ref('kpb_oversattning') }}
)

select
    narrow.regel_id as skuggad_regel,
    narrow.prioritet_hogre_vinner as skuggad_prioritet,
    broad.regel_id as vinnande_bredare_regel,
    broad.prioritet_hogre_vinner as vinnande_prioritet,
    coalesce(broad.konto, '*') || ' ⊇ ' || coalesce(narrow.konto, '*') as konto,
    coalesce(broad.ansvar, '*') || ' ⊇ ' || coalesce(narrow.ansvar, '*') as ansvar,
    coalesce(broad.verksamhet, '*') || ' ⊇ ' || coalesce(narrow.verksamhet, '*') as verksamhet,
    coalesce(broad.aktivitet, '*') || ' ⊇ ' || coalesce(narrow.aktivitet, '*') as aktivitet,
    coalesce(broad.projekt, '*') || ' ⊇ ' || coalesce(narrow.projekt, '*') as projekt,
    coalesce(broad.motpart, '*') || ' ⊇ ' || coalesce(narrow.motpart, '*') as motpart,
    broad.kommun_kod || ' ⊇ ' || narrow.kommun_kod as kommun_kod
from regler as narrow
inner join regler as broad
    on
        broad.regel_id <> narrow.regel_id
        and broad.prioritet_hogre_vinner > narrow.prioritet_hogre_vinner
        and (broad.kommun_kod = '*' or broad.kommun_kod = narrow.kommun_kod)
        and {{ kpb_monster_tacker('broad.konto', 'narrow.konto') }}
        and {{ kpb_monster_tacker('broad.ansvar', 'narrow.ansvar') }}
        and {{ kpb_monster_tacker('broad.verksamhet', 'narrow.verksamhet') }}
        and {{ kpb_monster_tacker('broad.aktivitet', 'narrow.aktivitet') }}
        and {{ kpb_monster_tacker('broad.projekt', 'narrow.projekt') }}
        and {{ kpb_monster_tacker('broad.motpart', 'narrow.motpart') }}
order by narrow.regel_id, broad.regel_id
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: translation rules that can never win - a broader rule with a HIGHER prioritet_hogre_vinner matches every row they match (higher number wins: check the direction of the priorities)', ref('kpb_oversattning')) }}
{{ avvikelser }}
