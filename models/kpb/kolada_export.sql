-- The municipality's own KPB results in Kolada's shape (issue 22): one row per Kolada KPI the seed kpb_kolada_kpi
-- maps, municipality, year and gender 'T' (KPB unit costs are not split by sex), for the national comparison.
--   value = Σ total_kostnad / Σ volym over the KPI's regi ('*' = both regi together), or (Σ total_kostnad − Σ
--           fk_ersattning) / Σ volym for enhetskostnad_netto_fk (NULL without an FK payment); 4 decimals, half away
--           from zero; only insatser with volume.
-- antal_brukare_minsta_regi is the smallest number of brukare among the regi behind the value (for suppression).
with

kpi as (
    select * from {{ ref('kpb_kolada_kpi') }}
),

insatskostnad as (
    select * from {{ ref('insatskostnad') }}
),

underlag as (
    select
        kpi.kolada_kpi,
        kpi.insats_kod,
        kpi.regi,
        kpi.matt,
        insatskostnad.kommun_kod,
        insatskostnad.ar,
        sum({{ kpb_till_ore('insatskostnad.total_kostnad') }}) as total_ore,
        sum({{ kpb_till_ore('coalesce(insatskostnad.fk_ersattning, 0)') }}) as fk_ore,
        max(case when insatskostnad.fk_ersattning is not null then 1 else 0 end) as har_fk,
        sum({{ kpb_till_tiotusendelar('insatskostnad.volym') }}) as volym_e4,
        min(insatskostnad.antal_brukare) as antal_brukare_minsta_regi
    from kpi
    inner join insatskostnad
        on
            kpi.insats_kod = insatskostnad.insats_kod
            and (kpi.regi = '*' or kpi.regi = insatskostnad.regi)
    where insatskostnad.volym > 0
    group by kpi.kolada_kpi, kpi.insats_kod, kpi.regi, kpi.matt, insatskostnad.kommun_kod, insatskostnad.ar
),

final as (
    select
        cast(kolada_kpi as {{ dbt.type_string() }}) as kpi,
        cast(kommun_kod as {{ dbt.type_string() }}) as municipality,
        cast(ar as integer) as period,
        cast('T' as {{ dbt.type_string() }}) as gender,
        -- Kolada's own column name
        case
            when matt = 'enhetskostnad' then {{ kpb_kvot('total_ore * 100', 'volym_e4', 4) }}
            when matt = 'enhetskostnad_netto_fk' and har_fk = 1
                then {{ kpb_kvot('(total_ore - fk_ore) * 100', 'volym_e4', 4) }}
        end as value,  -- noqa: RF04
        insats_kod,
        regi,
        matt,
        cast(antal_brukare_minsta_regi as bigint) as antal_brukare_minsta_regi
    from underlag
)

select * from final
{{- radordning() }}
