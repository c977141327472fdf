-- KPB analysis 2, produktivitet: the unit cost of each insats and regi (split into direct cost and the pools'
-- påslag) beside the other municipalities in the build and beside Kolada. The comparison group's unit cost is
-- volume-weighted: Σ total_kostnad / Σ volym over the other municipalities with the same insats, regi, year and
-- volume type. Kolada values (stg_extern__kolada, kon 'T') are joined on the seed kpb_kolada_kpi, only for the regi
-- the KPI is defined for (issue 22, fix 6): the
-- municipality's own published value and the national one (riket, kommun_kod '0000'); NULL when not loaded.
-- Only insatser with volume (a unit cost) are listed.
with

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

{# the Kolada KPI of the insats's unit cost FOR THIS REGI (issue 22, fix 6): U21003 (egen regi) is not shown beside
    extern regi #}
kolada_kpi as (
    select * from {{ ref('kpb_kolada_kpi') }}
    where matt = 'enhetskostnad'
),

kolada as (
    select * from {{ ref('stg_extern__kolada') }}
),

med_volym as (
    select * from insatskostnad
    where volym > 0
),

ovriga_kommuner as (
    select
        egen.kommun_kod,
        egen.ar,
        egen.insats_kod,
        egen.regi,
        count(distinct ovrig.kommun_kod) as antal_kommuner,
        sum({{ kpb_till_ore('ovrig.total_kostnad') }}) as total_ore,
        sum({{ kpb_till_ore('ovrig.direkt_kostnad') }}) as direkt_ore,
        sum({{ kpb_till_ore('ovrig.fordelad_kostnad') }}) as fordelat_ore,
        sum({{ kpb_till_tiotusendelar('ovrig.volym') }}) as volym_e4
    from med_volym as egen
    inner join med_volym as ovrig
        on
            {{ lika_kolumner('egen', 'ovrig', ['ar', 'insats_kod', 'regi', 'volymtyp']) }}
            and egen.kommun_kod <> ovrig.kommun_kod
    group by egen.kommun_kod, egen.ar, egen.insats_kod, egen.regi
),

kolada_totalt as (
    select
        kpi,
        kommun_kod,
        ar,
        max(varde) as varde
    from kolada
    where kon = 'T'
    group by kpi, kommun_kod, ar
),

final as (
    select
        med_volym.kommun_kod,
        cast(med_volym.ar as integer) as ar,
        med_volym.insats_kod,
        med_volym.regi,
        med_volym.insats_namn,
        med_volym.volymtyp,
        med_volym.mattenhet,
        med_volym.volym,
        med_volym.total_kostnad,
        med_volym.enhetskostnad,
        med_volym.enhetskostnad_direkt,
        med_volym.enhetskostnad_fordelad,
        {{ kpb_kvot(kpb_till_ore('med_volym.fordelad_kostnad'), kpb_till_ore('med_volym.total_kostnad'), 6) }}
            as andel_fordelad,
        cast(coalesce(ovriga_kommuner.antal_kommuner, 0) as bigint) as jamforelse_antal_kommuner,
        {{ kpb_kvot('ovriga_kommuner.total_ore * 100', 'ovriga_kommuner.volym_e4', 4) }}
            as jamforelse_enhetskostnad,
        {{ kpb_kvot('ovriga_kommuner.direkt_ore * 100', 'ovriga_kommuner.volym_e4', 4) }}
            as jamforelse_enhetskostnad_direkt,
        {{ kpb_kvot('ovriga_kommuner.fordelat_ore * 100', 'ovriga_kommuner.volym_e4', 4) }}
            as jamforelse_enhetskostnad_fordelad,
        kolada_kpi.kolada_kpi,
        cast(kolada_kommun.varde as decimal(18, 4)) as kolada_enhetskostnad_kommun,
        cast(kolada_riket.varde as decimal(18, 4)) as kolada_enhetskostnad_riket
    from med_volym
    left join ovriga_kommuner
        on {{ lika_kolumner('med_volym', 'ovriga_kommuner', ['kommun_kod', 'ar', 'insats_kod', 'regi']) }}
    left join kolada_kpi
        on
            med_volym.insats_kod = kolada_kpi.insats_kod
            and (kolada_kpi.regi = '*' or med_volym.regi = kolada_kpi.regi)
    left join kolada_totalt as kolada_kommun
        on
            kolada_kpi.kolada_kpi = kolada_kommun.kpi
            and med_volym.kommun_kod = kolada_kommun.kommun_kod
            and med_volym.ar = kolada_kommun.ar
    left join kolada_totalt as kolada_riket
        on
            kolada_kpi.kolada_kpi = kolada_riket.kpi
            and kolada_riket.kommun_kod = '0000'
            and med_volym.ar = kolada_riket.ar
)

select * from final
{{- radordning() }}
