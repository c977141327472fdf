-- indikatorer.betalningsansvar as published. A month with fewer persons than the threshold shows nothing; fewer
-- episodes with payment than the threshold hides the payment days and kronor; few ongoing episodes hide that count.
with r as (select undertryck_min_personer as t from publicering.publiceringsregler),
m as (
    select
        b.*,
        (b.antal_personer > 0 and b.antal_personer < r.t) as liten,
        (b.antal_vardtillfallen_med_betalning > 0 and b.antal_vardtillfallen_med_betalning < r.t) as liten_betalning,
        (b.antal_pagaende_vardtillfallen > 0 and b.antal_pagaende_vardtillfallen < r.t) as liten_pagaende
    from indikatorer.betalningsansvar as b cross join r
)
select
    m.* exclude (liten, liten_betalning, liten_pagaende) replace (
        case when liten then null else antal_vardtillfallen end as antal_vardtillfallen,
        case when liten then null else antal_personer end as antal_personer,
        case when liten or liten_betalning then null else antal_vardtillfallen_med_betalning end
            as antal_vardtillfallen_med_betalning,
        case when liten or liten_pagaende then null else antal_pagaende_vardtillfallen end as antal_pagaende_vardtillfallen,
        case when liten then null else utskrivningsklara_dagar end as utskrivningsklara_dagar,
        case when liten or liten_betalning then null else betalningsdagar end as betalningsdagar,
        case when liten or liten_betalning then null else betalningsbelopp end as betalningsbelopp
    ),
    liten or liten_betalning as is_undertryckt
from m
order by kommun_kod, manad, vardform
