{#- One row: the rules everything published from this build follows (the small-cell threshold) and when the
    build ran. The Evidence site's source queries (reports/sources/kommunanalys/) and the runner's export read the
    threshold from here, so that the site, the PDFs and the export suppress exactly as indikatorer.utfall does. -#}
with final as (
    select
        cast({{ var('undertryck_min_personer') }} as integer) as undertryck_min_personer,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp) as byggd_tid,
        '{{ invocation_id }}' as bygg_id
)

select * from final
