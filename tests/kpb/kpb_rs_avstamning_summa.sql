-- Σ kpb_kostnad over the RS verksamheter of kpb.rs_avstamning = Σ kpb.insatskostnad.total_kostnad per municipality
-- and year, to the öre (the attribution to verksamheter loses and adds nothing).
{{ config(severity='error', tags=['kpb', 'rs_avstamning', 'error']) }}
{%- set avvikelser %}
with

rs as (
    select
        kommun_kod,
        ar,
        sum(kpb_kostnad) as kpb_kostnad
    from {{ ref('rs_avstamning') }}
    group by kommun_kod, ar
),

insatser as (
    select
        kommun_kod,
        ar,
        sum(total_kostnad) as total_kostnad
    from {{ ref('insatskostnad') }}
    group by kommun_kod, ar
)

select
    insatser.kommun_kod,
    insatser.ar,
    insatser.total_kostnad,
    rs.kpb_kostnad
from insatser
left join rs
    on insatser.kommun_kod = rs.kommun_kod and insatser.ar = rs.ar
where rs.kpb_kostnad is null or rs.kpb_kostnad <> insatser.total_kostnad
{%- endset %}
{{ kpb_visa_avvikelser(avvikelser, 'KPB: the RS check does not sum to the insatser total cost (kommun, ar, insatser, RS check)', ref('rs_avstamning')) }}
{{ avvikelser }}
