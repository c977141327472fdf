{#- Each discharge (index episode, grain vardtillfalle_id) judged for an unplanned readmission within 30 days
    (Kolada U79092 construction [I]): readmitted when the same person has an acute (is_akut) admission whose date
    is 1–30 days (vars aterinskrivning_dag_fran / aterinskrivning_dag_till, issue 22 fix 6 [I]) after the date of
    discharge, in a vardform of var('aterinskrivning_vardformer') (default
    ['somatik'] [I]). A same-day admission (day 0) is not a readmission (often a transfer); day 31 is outside;
    a planned admission never counts. is_fonster_komplett is false when the 30-day window passes the calculation
    date: the readmission could not be seen yet, so such discharges leave the denominator. -#}
{%- set dag_fran = installning('aterinskrivning_dag_fran') %}
{%- set dag_till = installning('aterinskrivning_dag_till') %}
{%- set vardformer = installning('aterinskrivning_vardformer') -%}
{%- set vardform_lista = "'" ~ (vardformer | join("', '")) ~ "'" -%}

with

vardtillfallen as (
    select * from {{ ref('stg_region__vardtillfallen') }}
),

berakningsdatum as (
    select * from {{ ref('int_ukd_berakningsdatum') }}
),

i_urval as (
    select
        vardtillfalle_id,
        person_id,
        kommun_kod,
        vardform,
        sjukhus,
        klinik,
        fodelsedatum,
        is_akut,
        cast(inskrivning_tid as date) as inskrivning_datum,
        cast(utskrivning_tid as date) as utskrivning_datum
    from vardtillfallen
    where vardform in ({{ vardform_lista }})
),

utskrivningar as (
    select *
    from i_urval
    where utskrivning_datum is not null
),

aterinskrivningar as (
    select
        utskrivningar.vardtillfalle_id,
        min(
            {{ datum_dagar_mellan('utskrivningar.utskrivning_datum', 'senare.inskrivning_datum') }}
        ) as dagar_till_aterinskrivning
    from utskrivningar
    inner join i_urval as senare
        on
            utskrivningar.person_id = senare.person_id
            and utskrivningar.vardtillfalle_id <> senare.vardtillfalle_id
            and senare.is_akut
            and senare.inskrivning_datum >= {{ datum_plus_dagar('utskrivningar.utskrivning_datum', dag_fran) }}
            and senare.inskrivning_datum <= {{ datum_plus_dagar('utskrivningar.utskrivning_datum', dag_till) }}
    group by utskrivningar.vardtillfalle_id
),

final as (
    select
        utskrivningar.vardtillfalle_id,
        utskrivningar.person_id,
        utskrivningar.kommun_kod,
        utskrivningar.vardform,
        utskrivningar.sjukhus,
        utskrivningar.klinik,
        utskrivningar.utskrivning_datum,
        cast({{ datum_alder('utskrivningar.fodelsedatum', 'utskrivningar.utskrivning_datum') }} as integer)
            as alder_vid_utskrivning,
        {{ datum_alder('utskrivningar.fodelsedatum', 'utskrivningar.utskrivning_datum') }} >= 65
            as is_65_plus,
        {{ datum_plus_dagar('utskrivningar.utskrivning_datum', dag_till) }} <= berakningsdatum.berakningsdatum
            as is_fonster_komplett,
        cast(aterinskrivningar.dagar_till_aterinskrivning as integer) as dagar_till_aterinskrivning,
        aterinskrivningar.vardtillfalle_id is not null as has_aterinskrivning_30d
    from utskrivningar
    cross join berakningsdatum
    left join aterinskrivningar
        on utskrivningar.vardtillfalle_id = aterinskrivningar.vardtillfalle_id
)

select * from final
