-- Every version of a file that base_region__vardtillfallen_per_fil has read: the years and months of its rows, the
-- build that read it and when (macros/inkrementell.sql, leveransfilhistorik). base_region__vardtillfallen recomputes
-- the years of the files read in their own build, old version and new (inkrementell_andrade).
{{ config(materialized=inkrementell_materialisering(), incremental_strategy='append') }}

{{ leveransfilhistorik(
    'base_region__vardtillfallen_per_fil',
    ar='coalesce(cast(extract(year from coalesce(utskrivning_tid, inskrivning_tid)) as integer), 0)',
    period='cast(null as integer)'
) }}
