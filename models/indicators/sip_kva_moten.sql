{#- indikatorer.sip_kva_moten: SIP meetings from KVÅ per municipality and quarter, deduplicated, with duplicates
    removed and the coverage against SAMSA. Public, contracted; the logic is in int_sip_kva_kvartal.
    Grain: kommun_kod, kvartal_start. -#}

with

kva_kvartal as (
    select * from {{ ref('int_sip_kva_kvartal') }}
),

final as (
    select
        kommun_kod,
        kvartal_start,
        kvartal_slut,
        antal_registreringar,
        antal_moten,
        antal_dubbletter,
        antal_personer,
        antal_samsa_moten,
        antal_samsa_moten_med_kva,
        kva_tackning_procent
    from kva_kvartal
)

select * from final
{{- radordning() }}
