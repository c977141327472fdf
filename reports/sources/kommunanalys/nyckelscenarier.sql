-- publicerat.nyckelscenarier: the published layer, suppressed in dbt (models/publicerat/; README, "Publishing and small cells").
-- A plain read: no rule here.
select * from publicerat.nyckelscenarier
