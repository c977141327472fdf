{#- Public mart: the individual-level list behind betalningsansvar (Kalmar: "utskrivningsklara dagar redovisas på
    individnivå per kommun och månadsvis"): one row per municipality, month and episode with utskrivningsklara days
    in that month. Pseudonymous: person_id only. Sums over it equal betalningsansvar. -#}

with

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

episoder as (
    select * from {{ ref('int_ukd_episoder') }}
),

per_manad as (
    {{ ukd_dagar_summerade(['kommun_kod', 'manad', 'vardtillfalle_id', 'person_id', 'vardform']) | indent(4) }}
),

final as (
    select
        per_manad.kommun_kod,
        per_manad.manad,
        per_manad.vardtillfalle_id,
        per_manad.person_id,
        per_manad.vardform,
        episoder.utskrivningsklar_tid,
        episoder.utskrivning_tid,
        episoder.regel_id,
        episoder.is_betalningsgrundande,
        episoder.is_pagaende,
        cast(per_manad.utskrivningsklara_dagar as bigint) as utskrivningsklara_dagar,
        cast(per_manad.betalningsdagar as bigint) as betalningsdagar,
        cast(per_manad.betalningsbelopp as decimal(18, 2)) as betalningsbelopp
    from per_manad
    inner join episoder
        on per_manad.vardtillfalle_id = episoder.vardtillfalle_id
)

select * from final
{{- radordning() }}
