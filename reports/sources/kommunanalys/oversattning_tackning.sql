-- kpb.oversattning_tackning as published: per account group and target, the ledger amounts and the rules that took
-- them (where every krona went). Amounts and row counts of the ledger, no counts of persons: nothing to suppress.
select *
from kpb.oversattning_tackning
order by kommun_kod, ar, kontogrupp, maltyp, mal_id, regel_id
