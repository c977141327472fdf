{#- Public mart: what indikatorer.utfall could NOT compute in this build, and why (issue 9 §1: a build with any
    subset of the deliveries is green, and utfall lists what it could not compute). One row per catalogue indicator
    and period type of its period_typer that has no row in utfall (grain indikator_id, period_typ).
    orsak_typ:
      ej_berakningsbar  the catalogue marks it not computable from the input contract (demo_berakningsbar false;
                        the reason is the catalogue's kommentar) - there is no model;
      kalla_saknas      a source it is computed from (seed indikator_kallor) delivered no usable row
                        (int_indikator_kallstatus, from staging.radavstamning: no file, or every row quarantined
                        or replaced); listed in saknade_kallor;
      inga_varden       every source delivered rows, yet the model gave no value for the period type (e.g. no
                        period of that type in the data).
    A computed indicator with no value for one municipality or period is not here: utfall has that row, with
    antal_personer 0 (suppressed). -#}
with

katalog as (
    select * from {{ ref('indikator_katalog') }}
),

kallstatus as (
    select * from {{ ref('int_indikator_kallstatus') }}
),

utfall as (
    select * from {{ ref('utfall') }}
),

-- the catalogue's period_typer ('kvartal|ar'): one row per period type (there are at most four)
periodtyper as (
    {%- for del in range(1, 5) %}
        {%- if not loop.first %}
            union all
        {%- endif %}
        select
            indikator_id,
            {{ dbt.split_part('period_typer', "'|'", del) }} as period_typ
        from katalog
    {%- endfor %}
),

berakningsbara as (
    select distinct
        indikator_id,
        period_typ
    from utfall
),

ej_beraknade as (
    select
        periodtyper.indikator_id,
        periodtyper.period_typ
    from periodtyper
    left join berakningsbara
        on {{ lika_kolumner('periodtyper', 'berakningsbara', ['indikator_id', 'period_typ']) }}
    where coalesce(periodtyper.period_typ, '') <> '' and berakningsbara.indikator_id is null
),

per_indikator as (
    select
        indikator_id,
        {{ sorterad_lista('kalla', ', ') }} as kravda_kallor
    from kallstatus
    group by indikator_id
),

saknade as (
    select
        indikator_id,
        {{ sorterad_lista('kalla', ', ') }} as saknade_kallor
    from kallstatus
    where not is_levererad
    group by indikator_id
),

final as (
    select
        cast(ej_beraknade.indikator_id as {{ indikator_typ_text() }}) as indikator_id,
        cast(ej_beraknade.period_typ as {{ indikator_typ_text() }}) as period_typ,
        cast(katalog.indikator_namn as {{ indikator_typ_text() }}) as indikator_namn,
        cast(katalog.omrade as {{ indikator_typ_text() }}) as omrade,
        cast(
            case
                when not katalog.demo_berakningsbar then 'ej_berakningsbar'
                when saknade.saknade_kallor is not null then 'kalla_saknas'
                else 'inga_varden'
            end as {{ indikator_typ_text() }}
        ) as orsak_typ,
        cast(per_indikator.kravda_kallor as {{ indikator_typ_text() }}) as kravda_kallor,
        cast(saknade.saknade_kallor as {{ indikator_typ_text() }}) as saknade_kallor,
        cast(
            case
                when not katalog.demo_berakningsbar then concat('Beräknas inte: ', katalog.kommentar)
                when saknade.saknade_kallor is not null
                    then concat('Leverans saknas (inga användbara rader): ', saknade.saknade_kallor)
                else 'Källorna är levererade men gav inget värde för periodtypen'
            end as {{ indikator_typ_text() }}
        ) as orsak
    from ej_beraknade
    inner join katalog
        on ej_beraknade.indikator_id = katalog.indikator_id
    left join per_indikator
        on ej_beraknade.indikator_id = per_indikator.indikator_id
    left join saknade
        on ej_beraknade.indikator_id = saknade.indikator_id
)

select * from final
{{- radordning() }}
