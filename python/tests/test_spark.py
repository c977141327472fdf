"""The same project on Spark (issue 13): the demo built with dbt-spark (session method, pyspark in this process) from
the very files the session's DuckDB build read, and every public mart compared with DuckDB's, value by value.

Marked `spark` (not in `make test`; `make test-spark` runs them): needs `pip install -e '.[spark]'` and Java 17.
About 16 minutes on 2 cores on top of the session's DuckDB build (README, "Portability: Spark").
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kommunanalys.dbt import dbt_env, run_dbt
from kommunanalys.dbt_plugin import DEMO_KEY

pytestmark = pytest.mark.spark

# the public marts, the seeds they were built from, and staging's quarantine (file, line, reason)
JAMFORDA_SCHEMAN = ["kpb", "indikatorer", "konfig"]
JAMFORDA_STAGING = ["karantan", "radavstamning", "base_verksamhet__insatser", "base_region__vardtillfallen",
                    "base_samsa__sip_handelser"]


def _needs_spark() -> None:
    try:
        import pyspark  # noqa: F401
        import dbt.adapters.spark  # noqa: F401
    except ImportError:
        pytest.skip("dbt-spark / pyspark are not installed (pip install -e '.[spark]')")
    if shutil.which("java") is None:
        pytest.skip("java is not installed (Spark needs Java 17)")


class SparkBuilt:
    def __init__(self, base: Path, spark):
        self.base, self.spark = base, spark

    def rows(self, sql: str) -> tuple[list[str], list[tuple]]:
        df = self.spark.sql(sql)
        return df.columns, [tuple(r) for r in df.collect()]


@pytest.fixture(scope="module")
def spark_built(built, tmp_path_factory):
    _needs_spark()
    from kommunanalys.spark import session, stop

    base = tmp_path_factory.mktemp("spark")
    saved = {k: os.environ.get(k) for k in ("DBT_TARGET_PATH", "DBT_LOG_PATH", "KOMMUNANALYS_SPARK_DIR",
                                             "KOMMUNANALYS_DB", "KOMMUNANALYS_RAW_ROOT", "KOMMUNANALYS_DERIVED_ROOT")}
    os.environ["KOMMUNANALYS_SPARK_DIR"] = str(base / "spark")
    os.environ["DBT_TARGET_PATH"] = str(base / "target")
    os.environ["DBT_LOG_PATH"] = str(base / "logs")
    dbt_env(built.raw, built.derived, built.db, create=False)
    try:
        # the same command as the DuckDB build (conftest.build_project): seeds, models, data and unit tests
        run_dbt(["build", "--target", "spark", "--vars", "{utfall_komplett_allvarlighet: error}"], progress=False)
        yield SparkBuilt(base, session())
    finally:
        stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _kanon(v):
    """A value in a form both engines' drivers agree on: decimals by value, times as ISO text."""
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v != 0 else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return str(v)


def _duckdb_rows(built, schema: str, table: str) -> tuple[list[str], list[tuple]]:
    cur = built.con.execute(f'select * from "{schema}"."{table}"')
    return [d[0] for d in cur.description], cur.fetchall()


def _skillnader(namn: str, duck: tuple[list[str], list[tuple]], spark: tuple[list[str], list[tuple]]) -> list[str]:
    (dk, dr), (sk, sr) = duck, spark
    if [k.lower() for k in dk] != [k.lower() for k in sk]:
        return [f"{namn}: columns differ: DuckDB {dk} / Spark {sk}"]
    d = Counter(tuple(_kanon(v) for v in r) for r in dr)
    s = Counter(tuple(_kanon(v) for v in r) for r in sr)
    if d == s:
        return []
    bara_d, bara_s = list((d - s).elements()), list((s - d).elements())
    ut = [f"{namn}: {len(dr)} rows on DuckDB, {len(sr)} on Spark; {len(bara_d)} only on DuckDB, "
          f"{len(bara_s)} only on Spark (columns {dk})"]
    ut += [f"    DuckDB only: {r}" for r in sorted(bara_d, key=str)[:4]]
    ut += [f"    Spark only:  {r}" for r in sorted(bara_s, key=str)[:4]]
    return ut


def _tabeller(built, schema: str) -> list[str]:
    return [t for (t,) in built.rows(
        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' "
        "order by table_name", [schema])]


def test_every_mart_identical_on_spark_and_duckdb(built, spark_built):
    """Every table of kpb, indikatorer and konfig (the seeds), and staging's quarantine and row reconciliation:
    the same columns and the same rows (money to the öre, ratios to indikator_kvot's rounding, lists in order)."""
    fel, antal = [], 0
    for schema in JAMFORDA_SCHEMAN:
        tabeller = _tabeller(built, schema)
        assert tabeller, f"no tables in {schema}"
        for t in tabeller:
            antal += 1
            fel += _skillnader(f"{schema}.{t}", _duckdb_rows(built, schema, t),
                               spark_built.rows(f"select * from {schema}.{t}"))
    for t in JAMFORDA_STAGING:
        antal += 1
        fel += _skillnader(f"staging.{t}", _duckdb_rows(built, "staging", t),
                           spark_built.rows(f"select * from staging.{t}"))
    assert not fel, f"{len([f for f in fel if not f.startswith(' ')])} of {antal} tables differ:\n" + "\n".join(fel)


def test_person_id_identical(built, spark_built):
    """The same keyed hash on both engines: every (file, line) -> person_id of the KPB users is the same."""
    sql = "select kalla_fil, kalla_rad, person_id from staging.base_verksamhet__insatser where person_id is not null"
    duck = set(built.rows(sql))
    _, spark = spark_built.rows(sql)
    assert duck and duck == set(spark)


def test_key_absent_from_logs_target_and_warehouse(spark_built):
    """The key (here the demo key: the one the build used) is in no file dbt or Spark wrote: target/, the logs, the
    warehouse, the metastore, Derby's log."""
    nyckel = DEMO_KEY.encode()
    traffar, antal = [], 0
    for mapp in ("target", "logs", "spark"):
        for path in (spark_built.base / mapp).rglob("*"):
            if path.is_file():
                antal += 1
                if nyckel in path.read_bytes():
                    traffar.append(str(path.relative_to(spark_built.base)))
    assert antal > 50 and (spark_built.base / "spark" / "warehouse").is_dir()
    assert not traffar, f"the key is written in {traffar}"


def test_seed_with_quote_empty_cell_and_star_loads_the_same(built, spark_built):
    """Seeds hold texts with ' and %, empty cells and the wildcard '*': each loads as on DuckDB (dbt-spark's own
    loader broke the insert on ', loaded an empty cell as 'None' and misread %)."""
    sql = ("select indikator_id, ar, kommun_kod, malvarde, kalla from konfig.indikator_malvarden "
           "order by indikator_id, ar, kommun_kod")
    duck = [tuple(_kanon(v) for v in r) for r in built.rows(sql)]
    _, spark = spark_built.rows(sql)
    assert duck == [tuple(_kanon(v) for v in r) for r in spark]
    assert any(r[2] == "*" for r in duck)
    assert any(r[4] and "%" in r[4] for r in duck)
    fel = []
    for seed, villkor, vad in (("indikator_katalog", lambda v: "'" in v, "a text with '"),
                               ("ukd_betalningsregler", None, "an empty cell"),
                               ("indikator_malvarden", lambda v: v == "*", "the wildcard '*'")):
        kolumner, rader = spark_built.rows(f"select * from konfig.{seed}")
        varden = [v for r in rader for v in r]
        assert "None" not in varden, f"{seed}: an empty cell loaded as the text 'None'"
        if villkor is None:
            assert None in varden, f"{seed}: no empty cell (NULL)"
        else:
            assert any(isinstance(v, str) and villkor(v) for v in varden), f"{seed}: no {vad}"
        fel += _skillnader(f"konfig.{seed}", _duckdb_rows(built, "konfig", seed), (kolumner, rader))
    assert not fel, "\n".join(fel)


def test_run_results_green(spark_built):
    """dbt build on Spark: seeds, models, data tests and unit tests all succeeded (none skipped)."""
    res = json.loads((spark_built.base / "target" / "run_results.json").read_text(encoding="utf-8"))
    status = Counter(r["status"] for r in res["results"])
    typer = Counter(r["unique_id"].split(".")[0] for r in res["results"])
    assert set(status) <= {"success", "pass", "warn", "no-op"}, status  # no-op: the exposures
    assert typer["seed"] > 20 and typer["model"] > 100 and typer["unit_test"] > 10 and typer["test"] > 500, typer
