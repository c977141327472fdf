"""The project is built ONCE per test session, in-process (dbtRunner), on freshly generated demo data plus the
hand-written fixture files in fixtures/raw/ (copied over the generated folder, so they are read together with it).

Tests get a `built` object with the folders and a DuckDB connection to the built database. A test that needs a
different configuration (a changed seed, a different key) builds a copy in its own temporary folder instead of
touching this one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from kommunanalys.dbt import dbt_env, run_dbt
from kommunanalys.paths import PROJECT_ROOT
from kommunanalys.syntetisk import register_synthetic

FIXTURES = Path(__file__).parent / "fixtures"
TEST_SEED = 7
TEST_KOMMUNER = 2
TEST_YEARS = [2023, 2024]


@dataclass
class Built:
    raw: Path
    derived: Path
    db: Path
    target: Path
    logs: Path
    con: duckdb.DuckDBPyConnection

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: list | None = None):
        return self.con.execute(sql, params or []).fetchone()[0]

    def df(self, sql: str):
        return self.con.execute(sql).df()


def build_project(base: Path, extra_raw: Path | None = FIXTURES / "raw", env: dict[str, str] | None = None,
                  former: dict[str, str] | None = None, select: list[str] | None = None) -> Built:
    """Generate demo data into base/raw, add fixture files, score surveys, dbt build into base/test.duckdb.
    former: the generator's file forms (huvudbok='sie4e', befolkning='jsonstat2', kolada_form='v3').
    select: build only these (dbt --select, with their tests) when a test reads only part of the project."""
    from kommunanalys.enkat import score_surveys
    from kommunanalys.generator import generate

    raw, derived, db = base / "raw", base / "derived", base / "test.duckdb"
    target, logs = base / "target", base / "logs"
    generate(out=raw, kommuner=TEST_KOMMUNER, years=TEST_YEARS, scale="demo", seed=TEST_SEED, **(former or {}))
    if extra_raw is not None and extra_raw.exists():
        shutil.copytree(extra_raw, raw, dirs_exist_ok=True)
        # the fixtures are hand-written synthetic rows: listed in the marker, so that the demo key may be used
        register_synthetic(raw, [p.relative_to(extra_raw).as_posix() for p in extra_raw.rglob("*") if p.is_file()])
    score_surveys(raw_root=raw, derived_root=derived)
    dbt_env(raw, derived, db)
    os.environ["DBT_TARGET_PATH"] = str(target)
    os.environ["DBT_LOG_PATH"] = str(logs)
    for key, value in (env or {}).items():
        os.environ[key] = value
    # on the demo, every indicator the catalogue marks computable must be complete (a warning elsewhere)
    # a selection builds its nodes with the tests of those nodes only (cautious: not a test that also reads an
    # unselected relation, which would not exist)
    urval = ["--select", *select, "--indirect-selection", "cautious"] if select else []
    run_dbt(["build", "--vars", "{utfall_komplett_allvarlighet: error}", *urval], progress=False)
    # dbt may still hold the file in this process: open it without read_only (see README, "Tests").
    return Built(raw, derived, db, target, logs, duckdb.connect(str(db)))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    return build_project(tmp_path_factory.mktemp("projekt"))


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


def needs(tool: str, why: str) -> None:
    """Skip a test that needs an external program (node, chromium, pdftotext) when it is missing, except in CI
    (.ci/run installs them and sets CI): there a missing program fails the test instead of skipping it silently."""
    if shutil.which(tool):
        return
    message = f"{tool} is not installed ({why}); .ci/run installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """`kommunanalys demo --kommuner 2 --pdf` once per session, in a subprocess with its own folders: the database,
    the export, the Evidence site (when Node is installed) and a PDF per municipality (when chromium is)."""
    base = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMMUNANALYS_", "DBT_"))}
    env.update(KOMMUNANALYS_BUILD_DIR=str(base / "build"), KOMMUNANALYS_RAW_ROOT=str(base / "raw"),
               KOMMUNANALYS_DERIVED_ROOT=str(base / "derived"), DBT_TARGET_PATH=str(base / "target"),
               DBT_LOG_PATH=str(base / "logs"))
    cli = Path(sys.executable).parent / "kommunanalys"
    args = [str(cli), "demo", "--kommuner", "2"] + (["--pdf"] if shutil.which("chromium") else [])
    run = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=3600)
    (base / "demo.log").write_text(run.stdout + run.stderr, encoding="utf-8")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return base
