"""sqlfluff's jinja templater: `kommunanalys.<macro>` (a call qualified with the project name, as dbt allows)
resolves to the project's own macro of that name, loaded from macros/ by `load_macros_from_path`. A macro that
ends with dbt's `{{ return(value) }}` gives that value (a list, a dict), as in dbt."""

import jinja2

try:
    from sqlfluff.core.templaters.builtins.dbt import MacroReturn
except ImportError:  # an older sqlfluff: return() is caught by its own macro wrapper
    MacroReturn = None


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)

    @jinja2.pass_context
    def call(context, *args, **kwargs):
        macro = context.get(name)
        if macro is None:
            raise NameError(f"macro {name} is not in macros/")
        if MacroReturn is None:
            return macro(*args, **kwargs)
        try:
            return macro(*args, **kwargs)
        except MacroReturn as returned:
            return returned.value

    return call
