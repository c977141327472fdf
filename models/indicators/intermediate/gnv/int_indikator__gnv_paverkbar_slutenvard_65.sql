{{ config(tags=['indikator']) }}

{# GNV_PAVERKBAR_SLUTENVARD_65: avoidable inpatient care (påverkbar slutenvård) among persons 65 and over enrolled
    in municipal health care, per 1 000 enrolled: inpatient episodes admitted in the year whose main diagnosis is on
    the list paverkbar_slutenvard_diagnoser (status U), of persons who had volume of an insats of
    gnv_kommunal_hsl_insatser (HSJV hemsjukvård / SABOHSL HSL in särskilt boende, status I) in the KPB data that
    year and were 65+ on 31 December (kpb.brukare.alder). Per municipality (of the KPB data) and year; 'alla' and
    per insats (dimension 'insats': ordinärt vs särskilt boende). antal_personer = enrolled persons. #}

with

vardtillfallen as (
    select * from {{ ref('int_gnv_vardtillfallen') }}
),

brukarkostnad as (
    select * from {{ ref('brukarkostnad') }}
),

brukare as (
    select * from {{ ref('brukare') }}
),

hsl_insatser as (
    select * from {{ ref('gnv_kommunal_hsl_insatser') }}
),

inskrivna_per_insats as (
    select distinct
        brukarkostnad.kommun_kod,
        brukarkostnad.ar,
        brukarkostnad.person_id,
        brukarkostnad.insats_kod
    from brukarkostnad
    inner join hsl_insatser on brukarkostnad.insats_kod = hsl_insatser.insats_kod
    inner join brukare
        on {{ lika_kolumner('brukarkostnad', 'brukare', ['kommun_kod', 'ar', 'person_id']) }}
    where brukarkostnad.volym > 0 and brukare.alder >= 65
),

inskrivna as (
    select distinct
        kommun_kod,
        ar,
        person_id,
        'alla' as dimension,
        'alla' as dimension_varde
    from inskrivna_per_insats
    union all
    select
        kommun_kod,
        ar,
        person_id,
        'insats' as dimension,
        insats_kod as dimension_varde
    from inskrivna_per_insats
),

paverkbara_per_person as (
    select
        person_id,
        ar,
        count(*) as antal_paverkbara
    from vardtillfallen
    where is_paverkbar
    group by person_id, ar
),

inskrivna_med_paverkbara as (
    select
        inskrivna.kommun_kod,
        inskrivna.ar,
        inskrivna.dimension,
        inskrivna.dimension_varde,
        inskrivna.person_id,
        coalesce(paverkbara_per_person.antal_paverkbara, 0) as antal_paverkbara
    from inskrivna
    left join paverkbara_per_person
        on {{ lika_kolumner('inskrivna', 'paverkbara_per_person', ['person_id', 'ar']) }}
),

{{ indikator_takt('GNV_PAVERKBAR_SLUTENVARD_65', 'inskrivna_med_paverkbara', 'sum(antal_paverkbara)',
    'count(distinct person_id)', 1000, 'count(distinct person_id)', dimensioner=none) }}
