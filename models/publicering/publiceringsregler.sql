{#- One row: the rules everything published from this build follows (the small-cell threshold) and when the
    build ran. The Evidence site's source queries (reports/sources/kommunanalys/) and the runner's export read the
    threshold from here, so that the site, the PDFs and the export suppress exactly as indikatorer.utfall does. -#}
with final as (
    select
        cast({{ installning('undertryck_min_personer') }} as integer) as undertryck_min_personer,
        -- dbt's run_started_at is UTC: '2024-05-01 08:15:00.123456+00:00'
        cast(substr('{{ run_started_at }}', 1, 19) as timestamp) as byggd_tid,
        '{{ invocation_id }}' as bygg_id
)

select * from final
{{- radordning() }}
