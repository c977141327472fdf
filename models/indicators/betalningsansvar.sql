{#- Public mart: the payment basis the region's economist sends to each municipality (grain kommun_kod, manad,
    vardform). Every utskrivningsklar day is attributed to the month of ITS date (an episode across a month end
    counts in both months), so that a month's figures are final once the month is over; episodes still admitted at
    the calculation date count up to that date (antal_pagaende_vardtillfallen). Only months with at least one
    utskrivningsklar day, or with episodes under the average-based model, appear. The payment of the per-patient
    model (betalningsbelopp) and of the average-based model (betalningsbelopp_medelmodell, int_ukd_betalning_medel:
    the month of discharge) are given side by side, and their sum betalningsbelopp_totalt. -#}

with

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

medel as (
    select * from {{ ref('int_ukd_betalning_medel') }}
),

per_patient as (
    {{ ukd_dagar_summerade(['kommun_kod', 'manad', 'vardform'], [
        ('count(distinct vardtillfalle_id)', 'antal_vardtillfallen'),
        ('count(distinct person_id)', 'antal_personer'),
        ('count(distinct case when is_betalningsdag then vardtillfalle_id end)', 'antal_vardtillfallen_med_betalning'),
        ('count(distinct case when is_pagaende then vardtillfalle_id end)', 'antal_pagaende_vardtillfallen'),
    ]) | indent(4) }}
),

nycklar as (
    select
        kommun_kod,
        manad,
        vardform
    from per_patient
    union
    select
        kommun_kod,
        manad,
        vardform
    from medel
),

final as (
    select
        nycklar.kommun_kod,
        nycklar.manad,
        nycklar.vardform,
        cast(coalesce(per_patient.antal_vardtillfallen, 0) as bigint) as antal_vardtillfallen,
        cast(coalesce(per_patient.antal_personer, 0) as bigint) as antal_personer,
        cast(coalesce(per_patient.antal_vardtillfallen_med_betalning, 0) as bigint)
            as antal_vardtillfallen_med_betalning,
        cast(coalesce(per_patient.antal_pagaende_vardtillfallen, 0) as bigint) as antal_pagaende_vardtillfallen,
        cast(coalesce(per_patient.utskrivningsklara_dagar, 0) as bigint) as utskrivningsklara_dagar,
        cast(coalesce(per_patient.betalningsdagar, 0) as bigint) as betalningsdagar,
        cast(coalesce(per_patient.betalningsbelopp, 0) as decimal(18, 2)) as betalningsbelopp,
        cast(coalesce(medel.betalningsdagar, 0) as decimal(18, 4)) as betalningsdagar_medelmodell,
        cast(coalesce(medel.betalningsbelopp, 0) as decimal(18, 2)) as betalningsbelopp_medelmodell,
        cast(coalesce(per_patient.betalningsbelopp, 0) + coalesce(medel.betalningsbelopp, 0) as decimal(18, 2))
            as betalningsbelopp_totalt
    from nycklar
    left join per_patient
        on {{ lika_kolumner('nycklar', 'per_patient', ['kommun_kod', 'manad', 'vardform']) }}
    left join medel
        on {{ lika_kolumner('nycklar', 'medel', ['kommun_kod', 'manad', 'vardform']) }}
)

select * from final
{{- radordning() }}
