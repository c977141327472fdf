with base as (
    select * from {{ ref('base_enkat__sip_delaktighet') }}
),

final as (
    select
        svar_id,
        sip_id,
        kommun_kod,
        datum,
        ar,
        respondent,
        antal_fragor,
        antal_besvarade,
        delaktighetsindex,
        kalla_fil,
        kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
