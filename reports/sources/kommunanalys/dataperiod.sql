-- The period each delivered source covers (the site's header and the export's front sheet).
select kalla_system, kalla_tabell, period_fran, period_till, antal_rader
from publicering.dataperiod
order by kalla_system, kalla_tabell
