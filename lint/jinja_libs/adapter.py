"""sqlfluff's jinja templater: `adapter.dispatch(name, package)` resolves to duckdb__<name>, else default__<name>,
as dbt-duckdb does."""

import jinja2


@jinja2.pass_context
def dispatch(context, name, macro_namespace=None):
    for candidate in (f"duckdb__{name}", f"default__{name}"):
        macro = context.get(candidate)
        if macro is not None:
            return macro
    raise NameError(f"no duckdb__{name} or default__{name} in macros/")
