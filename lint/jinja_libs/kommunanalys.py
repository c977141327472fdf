"""sqlfluff's jinja templater: `kommunanalys.<macro>` (a call qualified with the project name, as dbt allows)
resolves to the project's own macro of that name, loaded from macros/ by `load_macros_from_path`."""

import jinja2


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)

    @jinja2.pass_context
    def call(context, *args, **kwargs):
        macro = context.get(name)
        if macro is None:
            raise NameError(f"macro {name} is not in macros/")
        return macro(*args, **kwargs)

    return call
