{{ config(tags=['indikator']) }}

{# SIP_KOSTNAD_ADMIN: administrative cost (kr) of SIP coordination per plan with time reported in the year
    (time reports × hourly salary cost, int_sip_tid_kostnad), in total ('alla') and per principal (dimension
    'huvudman': kommun / region; the denominator is then the plans that principal reported time on).
    Time not tied to a plan is in indikatorer.sip_kostnad, not here. #}

with

tid_kostnad as (
    select * from {{ ref('int_sip_tid_kostnad') }}
),

planer as (
    select * from {{ ref('int_sip_planer') }}
),

per_dimension as (
    select
        tid_kostnad.kommun_kod,
        tid_kostnad.ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        tid_kostnad.sip_id,
        planer.person_id,
        tid_kostnad.kostnad
    from tid_kostnad
    left join planer on tid_kostnad.sip_id = planer.sip_id
    where tid_kostnad.sip_id is not null
    union all
    select
        tid_kostnad.kommun_kod,
        tid_kostnad.ar,
        'huvudman' as dimension,
        tid_kostnad.huvudman as dimension_varde,
        tid_kostnad.sip_id,
        planer.person_id,
        tid_kostnad.kostnad
    from tid_kostnad
    left join planer on tid_kostnad.sip_id = planer.sip_id
    where tid_kostnad.sip_id is not null
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        sum(kostnad) as admin_kostnad,
        count(distinct sip_id) as antal_planer,
        count(distinct coalesce(person_id, sip_id)) as antal_personer
    from per_dimension
    group by kommun_kod, ar, dimension, dimension_varde
),

beraknad as (
    select
        kommun_kod,
        'ar' as period_typ,
        {{ sip_ar_start('ar') }} as period_start,
        {{ sip_ar_slut('ar') }} as period_slut,
        dimension,
        dimension_varde,
        admin_kostnad as taljare,
        antal_planer as namnare,
        {{ kommunanalys.indikator_kvot('admin_kostnad', 'antal_planer') }} as varde,
        antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_KOSTNAD_ADMIN', 'beraknad') }}
)

select * from final
