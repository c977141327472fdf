-- Every version of a file that a model incremental per file has read, from the three histories
-- (leveransfilhistorik_huvudbok, _insatser, _vardtillfallen; macros/inkrementell.sql), for a user to query.
{{ config(materialized='view') }}

select * from {{ ref('leveransfilhistorik_huvudbok') }}
union all
select * from {{ ref('leveransfilhistorik_insatser') }}
union all
select * from {{ ref('leveransfilhistorik_vardtillfallen') }}
