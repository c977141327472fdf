-- indikatorer.utfall_saknas as published: the indicators and period types this build could not compute, the reason
-- and the missing deliveries. Catalogue and source names only, no counts of persons: nothing to suppress.
select *
from indikatorer.utfall_saknas
order by indikator_id, period_typ
