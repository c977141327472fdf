-- kpb.rs_avstamning as published: sums per RS verksamhet (no person counts), nothing is suppressed.
select * from kpb.rs_avstamning
order by kommun_kod, ar, rs_verksamhet
