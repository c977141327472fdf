{{ config(tags=['indikator']) }}

{# SIP_ENKAT_TOPP2: share (%) of the two most positive answers (4–5 after reverse coding; the lower bound is
    sip_parametrar.topp2_grans) among valid answers, "vet ej" and blanks excluded from the denominator (the
    Kolada / Socialstyrelsen convention [C]). Per municipality and year, per item (dimension 'fraga') and over all
    items ('alla'). antal_personer = sheets with a valid answer. #}

with

blad as (
    select * from {{ ref('stg_enkat__sip_delaktighet') }}
),

svar as (
    select * from {{ ref('stg_enkat__sip_delaktighet_svar') }}
),

parametrar as (
    select * from {{ ref('sip_parametrar') }}
),

grans as (
    select max(case when parameter = 'topp2_grans' then varde end) as topp2_grans
    from parametrar
),

giltiga_svar as (
    select
        svar.svar_id,
        svar.fraga,
        blad.kommun_kod,
        blad.ar,
        svar.svar >= grans.topp2_grans as is_topp2
    from svar
    inner join blad on svar.svar_id = blad.svar_id
    cross join grans
    where svar.svar is not null
),

per_dimension as (
    select
        svar_id,
        kommun_kod,
        ar,
        'alla' as dimension,
        'alla' as dimension_varde,
        is_topp2
    from giltiga_svar
    union all
    select
        svar_id,
        kommun_kod,
        ar,
        'fraga' as dimension,
        fraga as dimension_varde,
        is_topp2
    from giltiga_svar
),

per_ar as (
    select
        kommun_kod,
        ar,
        dimension,
        dimension_varde,
        sum(case when is_topp2 then 1 else 0 end) as antal_topp2,
        count(*) as antal_giltiga,
        count(distinct svar_id) as antal_blad
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
        antal_topp2 as taljare,
        antal_giltiga as namnare,
        {{ kommunanalys.indikator_kvot('antal_topp2', 'antal_giltiga', 100) }} as varde,
        antal_blad as antal_personer
    from per_ar
),

final as (
    {{ kommunanalys.indikator_kolumner('SIP_ENKAT_TOPP2', 'beraknad') }}
)

select * from final
