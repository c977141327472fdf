"""sqlfluff's jinja templater: dbt's `api.Column.translate_type(type)` as dbt-duckdb renders it (the staging
parsers cast to date and timestamp). Only for linting; dbt never imports this."""


class Column:
    @staticmethod
    def translate_type(dtype: str) -> str:
        return dtype
