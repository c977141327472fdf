-- kpb.budgetuppfoljning as published: budget vs outcome per verksamhet and month, and the year-end forecast. Amounts
-- per verksamhet (no person counts), so nothing is suppressed.
select * from kpb.budgetuppfoljning
order by kommun_kod, ar, verksamhet, manad
