{{ config(tags=['indikatorer', 'ukd']) }}
{#- Reconciliation of the payment basis, per municipality and vardform: Σ betalningsansvar = Σ
    betalningsansvar_individ = Σ utskrivningsklara_vardtillfalle (utskrivningsklara dagar, billable days, amount),
    and per episode the billable days of int_ukd_dagar equal the episode's betalningsdagar. Rows returned = gaps. -#}

with

vardtillfallen as (
    select * from {{ ref('utskrivningsklara_vardtillfalle') }}
),

betalningsansvar as (
    select * from {{ ref('betalningsansvar') }}
),

individ as (
    select * from {{ ref('betalningsansvar_individ') }}
),

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

{#- the three levels summed per municipality and vardform: (cte, source relation, column prefix in summor) -#}
{%- set nivaer = [('per_episod', 'vardtillfallen', 'episod'), ('per_manad', 'betalningsansvar', 'manad'),
    ('per_individ', 'individ', 'individ')] %}
{%- set matt = [('utskrivningsklara_dagar', 'dagar'), ('betalningsdagar', 'betalningsdagar'),
    ('betalningsbelopp', 'belopp')] %}
-- one CTE per level, and their columns side by side; sqlfluff cannot follow the indentation of a jinja loop
-- noqa: disable=layout.indent
{% for cte, kalla, _ in nivaer -%}
{{ cte }} as (
    select
        kommun_kod,
        vardform,
        {%- for kolumn, _ in matt %}
        sum({{ kolumn }}) as {{ kolumn }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ kalla }}
    group by
        kommun_kod,
        vardform
),

{% endfor -%}

summor as (
    select
        coalesce(per_episod.kommun_kod, per_manad.kommun_kod, per_individ.kommun_kod) as kommun_kod,
        coalesce(per_episod.vardform, per_manad.vardform, per_individ.vardform) as vardform,
        'summa' as niva,
        cast(null as {{ indikator_typ_text() }}) as vardtillfalle_id,
        {%- for kolumn, suffix in matt %}
        {%- set kolumner = loop %}
        {%- for cte, _, prefix in nivaer %}
        coalesce({{ cte }}.{{ kolumn }}, 0) as {{ prefix }}_{{ suffix }}{{ ',' if not (loop.last and kolumner.last) }}
        {%- endfor %}
        {%- endfor %}
    from per_episod
    full outer join per_manad
        on {{ lika_kolumner('per_episod', 'per_manad', ['kommun_kod', 'vardform']) }}
    full outer join per_individ
        on
            coalesce(per_episod.kommun_kod, per_manad.kommun_kod) = per_individ.kommun_kod
            and coalesce(per_episod.vardform, per_manad.vardform) = per_individ.vardform
),
-- noqa: enable=layout.indent

summa_avvikelser as (
    select *
    from summor
    where
        episod_dagar <> manad_dagar
        or episod_dagar <> individ_dagar
        or episod_betalningsdagar <> manad_betalningsdagar
        or episod_betalningsdagar <> individ_betalningsdagar
        or episod_belopp <> manad_belopp
        or episod_belopp <> individ_belopp
),

dagar_per_episod as (
    select
        vardtillfalle_id,
        count(*) as antal_dagar,
        sum(case when is_betalningsdag then 1 else 0 end) as antal_betalningsdagar
    from dagar
    group by vardtillfalle_id
),

episod_avvikelser as (
    select
        vardtillfallen.kommun_kod,
        vardtillfallen.vardform,
        'episod' as niva,
        vardtillfallen.vardtillfalle_id,
        vardtillfallen.utskrivningsklara_dagar as episod_dagar,
        coalesce(dagar_per_episod.antal_dagar, 0) as manad_dagar,
        coalesce(dagar_per_episod.antal_dagar, 0) as individ_dagar,
        vardtillfallen.betalningsdagar as episod_betalningsdagar,
        coalesce(dagar_per_episod.antal_betalningsdagar, 0) as manad_betalningsdagar,
        coalesce(dagar_per_episod.antal_betalningsdagar, 0) as individ_betalningsdagar,
        vardtillfallen.betalningsbelopp as episod_belopp,
        vardtillfallen.betalningsbelopp as manad_belopp,
        vardtillfallen.betalningsbelopp as individ_belopp
    from vardtillfallen
    left join dagar_per_episod
        on vardtillfallen.vardtillfalle_id = dagar_per_episod.vardtillfalle_id
    where
        vardtillfallen.utskrivningsklara_dagar <> coalesce(dagar_per_episod.antal_dagar, 0)
        or vardtillfallen.betalningsdagar <> coalesce(dagar_per_episod.antal_betalningsdagar, 0)
),

final as (
    select * from summa_avvikelser
    union all
    select * from episod_avvikelser
)

select * from final
