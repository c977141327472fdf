{#- kalla_fil / kalla_rad: the runner's answers file (relative to the derived root) and line; the raw survey line
    is on the sheet (stg_enkat__sip_delaktighet, by svar_id). -#}
with base as (
    select * from {{ ref('base_enkat__sip_delaktighet_svar') }}
),

final as (
    select
        svar_id,
        fraga,
        dimension,
        svar_raw,
        svar,
        harledd_fil as kalla_fil,
        harledd_rad as kalla_rad
    from base
    where karantan_orsak is null and ersatt_av is null
)

select * from final
