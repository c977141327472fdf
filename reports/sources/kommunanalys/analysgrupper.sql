-- publicerat.analysgrupper: the samverkan analysis groups of a län and their members (municipalities, hospital,
-- primary care). A plain read: no rule here.
select * from publicerat.analysgrupper
