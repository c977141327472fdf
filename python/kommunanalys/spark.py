"""The Spark session the project builds in (dbt-spark, ``method: session``; issue 13).

dbt-spark's session method opens ``SparkSession.builder.getOrCreate()`` in the dbt process, so the session this
module creates first is the one dbt runs every statement in. It does for Spark what the dbt-duckdb plugin
(:mod:`kommunanalys.dbt_plugin`) does for DuckDB:

- **the key**: read from ``DBT_ENV_SECRET_KOMMUNANALYS_KEY`` (else the documented demo key) and set as the SQL
  session variables ``kommunanalys_pseudonym_key`` / ``kommunanalys_key_is_demo`` with a bound parameter, so it
  never appears in SQL text, compiled files, the manifest, Spark's logs or the warehouse;
- **the functions** the staging macros call: ``kommunanalys_granska_leverans`` (the pre-read check of the CSV
  files, :mod:`kommunanalys.leverans`: the same files, encodings, re-encoded copies and errors as on DuckDB),
  ``kommunanalys_granska_kolada`` (the paging of the saved Kolada responses, :mod:`kommunanalys.kolada`),
  ``kommunanalys_syntetisk`` (is the raw folder the synthetic demo) and ``kommunanalys_antal_filer`` (how many files
  match a pattern), as Python UDFs of the session;
- **the folders**: warehouse, Derby metastore and Derby's log under ``KOMMUNANALYS_SPARK_DIR`` (default
  ``build/spark``), never the project folder.

Settings for a small machine: 2 shuffle partitions (Spark's 200 make every small aggregate slow), no UI, naive
timestamps (``TIMESTAMP_NTZ``, as DuckDB's ``timestamp``), session time zone UTC.
"""

from __future__ import annotations

import os
from pathlib import Path

from .dbt_plugin import DEMO_KEY, KEY_ENV
from .paths import build_dir

SPARK_DIR_ENV = "KOMMUNANALYS_SPARK_DIR"


def spark_dir() -> Path:
    return Path(os.environ.get(SPARK_DIR_ENV) or build_dir() / "spark").resolve()


def _antal_filer(monster: str) -> str:
    import glob

    return str(len(glob.glob(monster)))


def _register_functions(spark) -> None:
    from pyspark.sql.types import StringType

    from .kolada import granska_kolada
    from .leverans import granska_kalla
    from .syntetisk import syntetisk_avvikelse

    spark.udf.register("kommunanalys_granska_leverans", granska_kalla, StringType())
    spark.udf.register("kommunanalys_granska_kolada", granska_kolada, StringType())
    spark.udf.register("kommunanalys_syntetisk", syntetisk_avvikelse, StringType())
    spark.udf.register("kommunanalys_antal_filer", _antal_filer, StringType())


def _set_key(spark) -> None:
    key = os.environ.get(KEY_ENV, "")
    spark.sql("declare or replace variable kommunanalys_pseudonym_key string")
    spark.sql("declare or replace variable kommunanalys_key_is_demo boolean")
    spark.sql("set var kommunanalys_pseudonym_key = :k", args={"k": key or DEMO_KEY})
    spark.sql("set var kommunanalys_key_is_demo = :d", args={"d": not key})


def session(folder: Path | None = None):
    """The project's SparkSession (created once per process; the key and functions are set again on every call,
    so that a changed key in the environment is used by the next build)."""
    os.environ.setdefault("PYSPARK_PYTHON", os.sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", os.sys.executable)
    from pyspark.sql import SparkSession

    active = _current()
    if active is None:
        base = Path(folder or spark_dir())
        base.mkdir(parents=True, exist_ok=True)
        builder = (
            SparkSession.builder.master(os.environ.get("KOMMUNANALYS_SPARK_MASTER", "local[2]"))
            .appName("kommunanalys")
            .enableHiveSupport()
            .config("spark.sql.warehouse.dir", str(base / "warehouse"))
            .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                    f"jdbc:derby:;databaseName={base / 'metastore_db'};create=true")
            .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={base}")
            .config("spark.driver.memory", os.environ.get("KOMMUNANALYS_SPARK_MEMORY", "4g"))
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.timestampType", "TIMESTAMP_NTZ")
            .config("spark.local.dir", str(base / "tmp"))
        )
        active = builder.getOrCreate()
        active.sparkContext.setLogLevel("ERROR")
    _register_functions(active)
    _set_key(active)
    return active


def _current():
    """The process's default session (what dbt-spark's getOrCreate returns in any thread), or None."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession() or getattr(SparkSession, "_instantiatedSession", None)
    if active is None or active.sparkContext._jsc is None:
        return None
    return active


def stop() -> None:
    active = _current()
    if active is not None:
        active.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m kommunanalys.spark build [dbt args]``: a dbt command on the spark target, in the project's session
    (plain ``dbt --target spark`` opens a session without the key and the check functions)."""
    import sys

    from .dbt import DbtFailed, run_dbt

    args = list(sys.argv[1:] if argv is None else argv) or ["build"]
    try:
        run_dbt([*args, "--target", "spark"], progress=False)
    except DbtFailed as err:
        print(err, file=sys.stderr)
        return 1
    finally:
        stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
