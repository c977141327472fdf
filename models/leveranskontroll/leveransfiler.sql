-- The delivered files as they lie now (macros/inkrementell.sql, leveransfiler_sql): one row per file of every source
-- read from files, with its size and modification time. The models incremental per file compare it with the
-- version of each file they hold (inkrementell_nya_filer); the runner compares it with the files of the last build
-- (python/kommunanalys/manadsbygge.py) to select the sources that changed.
{{ config(materialized='table') }}

{{ leveransfiler_sql() }}
