-- KPB analysis 1, brukarmix (KPB report Bild 3): how the brukare and their cost spread over the cost intervals,
-- per area (LSS / äldreomsorg / funktionsnedsättning) with the split ordinärt / särskilt boende and the ytterfall.
-- Shares are within the municipality, year and area. Every interval is listed, also when it has no brukare.
-- Sex is a breakdown in columns (antal_kvinnor / antal_man, kostnad_kvinnor / kostnad_man), so the grain stays
-- that of the output contract.
with

brukare as (
    select * from {{ ref('brukare') }}
),

kostnadsintervall as (
    select * from {{ ref('kpb_kostnadsintervall') }}
),

omraden as (
    select distinct
        kommun_kod,
        ar,
        verksamhetsomrade
    from brukare
),

rutnat as (
    select
        omraden.kommun_kod,
        omraden.ar,
        omraden.verksamhetsomrade,
        kostnadsintervall.kostnadsintervall,
        kostnadsintervall.sortering
    from omraden
    cross join kostnadsintervall
),

per_cell as (
    select
        kommun_kod,
        ar,
        verksamhetsomrade,
        kostnadsintervall,
        count(*) as antal_brukare,
        sum(case when boendeform = 'ordinart_boende' then 1 else 0 end) as antal_ordinart_boende,
        sum(case when boendeform = 'sarskilt_boende' then 1 else 0 end) as antal_sarskilt_boende,
        sum(case when is_ytterfall then 1 else 0 end) as antal_ytterfall,
        sum(case when kon = 'kvinna' then 1 else 0 end) as antal_kvinnor,
        sum(case when kon = 'man' then 1 else 0 end) as antal_man,
        sum(case when kon = 'kvinna' then total_kostnad else 0 end) as kostnad_kvinnor,
        sum(case when kon = 'man' then total_kostnad else 0 end) as kostnad_man,
        sum(total_kostnad) as total_kostnad
    from brukare
    group by kommun_kod, ar, verksamhetsomrade, kostnadsintervall
),

celler as (
    select
        rutnat.kommun_kod,
        rutnat.ar,
        rutnat.verksamhetsomrade,
        rutnat.kostnadsintervall,
        rutnat.sortering,
        coalesce(per_cell.antal_brukare, 0) as antal_brukare,
        coalesce(per_cell.antal_ordinart_boende, 0) as antal_ordinart_boende,
        coalesce(per_cell.antal_sarskilt_boende, 0) as antal_sarskilt_boende,
        coalesce(per_cell.antal_ytterfall, 0) as antal_ytterfall,
        coalesce(per_cell.antal_kvinnor, 0) as antal_kvinnor,
        coalesce(per_cell.antal_man, 0) as antal_man,
        coalesce(per_cell.kostnad_kvinnor, 0) as kostnad_kvinnor,
        coalesce(per_cell.kostnad_man, 0) as kostnad_man,
        coalesce(per_cell.total_kostnad, 0) as total_kostnad
    from rutnat
    left join per_cell
        on {{ lika_kolumner('rutnat', 'per_cell', ['kommun_kod', 'ar', 'verksamhetsomrade', 'kostnadsintervall']) }}
),

med_summor as (
    select
        *,
        sum(antal_brukare) over (partition by kommun_kod, ar, verksamhetsomrade) as omrade_antal_brukare,
        sum(total_kostnad) over (partition by kommun_kod, ar, verksamhetsomrade) as omrade_total_kostnad
    from celler
),

final as (
    select
        kommun_kod,
        cast(ar as integer) as ar,
        verksamhetsomrade,
        kostnadsintervall,
        cast(sortering as integer) as kostnadsintervall_sortering,
        cast(antal_brukare as bigint) as antal_brukare,
        {{ kpb_kvot('antal_brukare', 'omrade_antal_brukare', 6) }} as andel_brukare,
        cast(total_kostnad as decimal(18, 2)) as total_kostnad,
        {{ kpb_kvot(kpb_till_ore('total_kostnad'), kpb_till_ore('omrade_total_kostnad'), 6) }} as andel_kostnad,
        cast(antal_ordinart_boende as bigint) as antal_ordinart_boende,
        cast(antal_sarskilt_boende as bigint) as antal_sarskilt_boende,
        cast(antal_ytterfall as bigint) as antal_ytterfall,
        cast(antal_kvinnor as bigint) as antal_kvinnor,
        cast(antal_man as bigint) as antal_man,
        cast(kostnad_kvinnor as decimal(18, 2)) as kostnad_kvinnor,
        cast(kostnad_man as decimal(18, 2)) as kostnad_man
    from med_summor
)

select * from final
{{- radordning() }}
