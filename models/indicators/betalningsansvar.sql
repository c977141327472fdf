{#- Public mart: the payment basis the region's economist sends to each municipality (grain kommun_kod, manad,
    vardform). Every utskrivningsklar day is attributed to the month of ITS date (an episode across a month end
    counts in both months), so that a month's figures are final once the month is over; episodes still admitted at
    the calculation date count up to that date (antal_pagaende_vardtillfallen). Only months with at least one
    utskrivningsklar day appear. -#}

with

dagar as (
    select * from {{ ref('int_ukd_dagar') }}
),

final as (
    select
        kommun_kod,
        manad,
        vardform,
        cast(count(distinct vardtillfalle_id) as bigint) as antal_vardtillfallen,
        cast(count(distinct person_id) as bigint) as antal_personer,
        cast(count(distinct case when is_betalningsdag then vardtillfalle_id end) as bigint)
            as antal_vardtillfallen_med_betalning,
        cast(count(distinct case when is_pagaende then vardtillfalle_id end) as bigint)
            as antal_pagaende_vardtillfallen,
        cast(count(*) as bigint) as utskrivningsklara_dagar,
        cast(sum(case when is_betalningsdag then 1 else 0 end) as bigint) as betalningsdagar,
        cast(sum(belopp) as decimal(18, 2)) as betalningsbelopp
    from dagar
    group by
        kommun_kod,
        manad,
        vardform
)

select * from final
