-- Plausibility (warning): a unit cost far outside the published range is a warning, not silence (domain §1.7).
{{ config(severity='warn', tags=['kpb', 'insatskostnad', 'warn']) }}
{%- set avvikelser %}
with

insatser as (
    select * from {{ ref('insatskostnad') }}
),

intervall as (
    select * from {{ ref('kpb_rimlighetsintervall') }}
)

select
    insatser.kommun_kod,
    insatser.ar,
    insatser.insats_kod,
    insatser.regi,
    insatser.volymtyp,
    insatser.enhetskostnad,
    intervall.min_enhetskostnad,
    intervall.max_enhetskostnad
from insatser
inner join intervall
    on
        insatser.insats_kod = intervall.insats_kod
        and (intervall.regi = '*' or insatser.regi = intervall.regi)
        and (intervall.volymtyp = '*' or insatser.volymtyp = intervall.volymtyp)
where
    insatser.enhetskostnad is not null
    and (
        insatser.enhetskostnad < intervall.min_enhetskostnad
        or insatser.enhetskostnad > intervall.max_enhetskostnad
    )
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB (warning): unit costs outside the plausible range of seeds/kpb/kpb_rimlighetsintervall.csv', ref('insatskostnad')) }}
{{ avvikelser }}
