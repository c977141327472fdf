-- Every version of a file that base_verksamhet__insatser_per_fil has read: the years and months of its rows, the
-- build that read it and when (macros/inkrementell.sql, leveransfilhistorik). base_verksamhet__insatser and the KPB
-- models downstream recompute the months and years of the files read in their own build, old version and new
-- (inkrementell_andrade).
{{ config(materialized=inkrementell_materialisering(), incremental_strategy='append') }}

{{ leveransfilhistorik(
    'base_verksamhet__insatser_per_fil',
    ar='coalesce(ar, 0)',
    period='coalesce(ar * 100 + manad, 0)'
) }}
