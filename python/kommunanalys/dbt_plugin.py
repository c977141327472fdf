"""dbt-duckdb plugin: hands the pseudonymisation key to DuckDB without writing it anywhere.

dbt-duckdb calls ``configure_connection`` on every connection it opens. The key is read from the environment
variable ``DBT_ENV_SECRET_KOMMUNANALYS_KEY`` (dbt scrubs ``DBT_ENV_SECRET_*`` values from its logs) and set as the
DuckDB variable ``kommunanalys_pseudonym_key`` with a bound parameter, so it never appears in SQL text, compiled
files, the manifest or logs. Without a key the documented demo key is set and ``kommunanalys_key_is_demo`` is true;
the ``assert_pseudonym_key`` macro then refuses to build anything but the synthetic demo data.

It also registers two Python functions in DuckDB that the staging macros call:
``kommunanalys_granska_leverans(glob, encoding, columns, root, copy_root, sie_config)`` (encoding and structure of
the delivered CSV files; SIE ledger files converted before DuckDB reads them, :mod:`kommunanalys.leverans`) and ``kommunanalys_syntetisk(raw_root)`` (''
when every file of the raw folder is one the generator wrote, per the hashes in its marker file; else the reason).
And it sets the raw and derived folders as the DuckDB variables ``kommunanalys_raw_root`` and
``kommunanalys_derived_root``, which the compiled SQL reads the files under (no absolute path in a compiled file).
"""

from __future__ import annotations

import os

from dbt.adapters.duckdb.plugins import BasePlugin

from .kolada import granska_kolada
from .leverans import granska_kalla
from .syntetisk import syntetisk_avvikelse

KEY_ENV = "DBT_ENV_SECRET_KOMMUNANALYS_KEY"
# Public by design: used only for the synthetic demo data, and documented in the README.
DEMO_KEY = "kommunanalys-demo-endast-syntetiska-data"


def _set_key(con) -> None:
    key = os.environ.get(KEY_ENV, "")
    con.execute("set variable kommunanalys_pseudonym_key = ?", [key or DEMO_KEY])
    con.execute("set variable kommunanalys_key_is_demo = ?", [not key])


# The folders the delivered files are read from, as DuckDB variables: the compiled SQL of a base model names a file
# as getvariable('kommunanalys_raw_root') || '/ekonomi/huvudbok_2024.csv' (macros/staging/raw_filer.sql, rot_relativ), so
# that no compiled file holds this machine's folders. The same environment variables (and defaults) as the macros
# raw_root() / derived_root() and the sources' YAML.
ROOTS = (("kommunanalys_raw_root", "KOMMUNANALYS_RAW_ROOT", "data/raw"),
         ("kommunanalys_derived_root", "KOMMUNANALYS_DERIVED_ROOT", "data/derived"))


def _set_roots(con) -> None:
    for variable, env, default in ROOTS:
        con.execute(f"set variable {variable} = ?", [os.environ.get(env, default)])


def _register_functions(con) -> None:
    for name, fn, n_args in (("kommunanalys_granska_leverans", granska_kalla, 6),
                             ("kommunanalys_granska_kolada", granska_kolada, 2),
                             ("kommunanalys_syntetisk", syntetisk_avvikelse, 1)):
        try:
            con.create_function(name, fn, ["VARCHAR"] * n_args, "VARCHAR", side_effects=True)
        except Exception as err:  # already registered on this database connection
            if "already exists" not in str(err):
                raise


class Plugin(BasePlugin):
    """DuckDB variables live per connection, and dbt-duckdb runs SQL on cursors: set the key on both."""

    def configure_connection(self, conn) -> None:
        _set_key(conn)
        _set_roots(conn)
        _register_functions(conn)

    def configure_cursor(self, cursor) -> None:
        _set_key(cursor)
        _set_roots(cursor)
