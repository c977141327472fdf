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

{{ indikator_andel('SIP_ENKAT_TOPP2', 'giltiga_svar', 'is_topp2', dimensioner=['fraga'], personer='svar_id') }}
