-- The publishing rule of this build (small-cell threshold) and when it was built: the site's header.
select undertryck_min_personer, byggd_tid, bygg_id from publicering.publiceringsregler
