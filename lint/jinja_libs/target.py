"""dbt's `target` for the jinja templater of sqlfluff (.sqlfluff, library_path): the project lints as it builds on
its default target, DuckDB (macros/inkrementell.sql inkrementell_materialisering reads target.type)."""

type = "duckdb"  # noqa: A001 (dbt's attribute name)
name = "dev"
schema = "main"
