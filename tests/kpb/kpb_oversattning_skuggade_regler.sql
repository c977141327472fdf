-- Translation rules (kpb_oversattning): a rule B is shadowed when another rule A matches every ledger row that B
-- matches (A's pattern covers B's in every dimension and A applies to B's municipality) and A wins
-- (prioritet_hogre_vinner of A > that of B). B can then never take a row: usually the priorities were written the
-- wrong way round ("1 = first"). Warns with both rules, their patterns and priorities (also printed in the log).
{{ config(severity='warn', tags=['kpb', 'oversattning', 'konfiguration']) }}
{%- set dimensioner = ['konto', 'ansvar', 'verksamhet', 'aktivitet', 'projekt', 'motpart'] %}
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
    {%- for d in dimensioner %}
    coalesce(broad.{{ d }}, '*') || ' ⊇ ' || coalesce(narrow.{{ d }}, '*') as {{ d }},
    {%- endfor %}
    broad.kommun_kod || ' ⊇ ' || narrow.kommun_kod as kommun_kod
from regler as narrow
inner join regler as broad
    on
        broad.regel_id <> narrow.regel_id
        and broad.prioritet_hogre_vinner > narrow.prioritet_hogre_vinner
        and (broad.kommun_kod = '*' or broad.kommun_kod = narrow.kommun_kod)
        {%- for d in dimensioner %}
        and {{ kpb_monster_tacker('broad.' ~ d, 'narrow.' ~ d) }}
        {%- endfor %}
order by narrow.regel_id, broad.regel_id
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: translation rules that can never win - a broader rule with a HIGHER prioritet_hogre_vinner matches every row they match (higher number wins: check the direction of the priorities)', ref('kpb_oversattning')) }}
{{ avvikelser }}
