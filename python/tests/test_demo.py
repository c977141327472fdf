"""`make demo` end to end: the runner's `demo` command (what the Makefile's demo target runs after installing)
generates fresh synthetic data, builds everything, and writes the export, the report and the docs site; the built
database passes every check of the shared output contract. Run in a subprocess with its own folders, so that
nothing of it leaks into the test session's environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kommunanalys.paths import PROJECT_ROOT

CHECK_CONTRACT = PROJECT_ROOT.parent / "shared" / "tools" / "check_contract.py"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("demo")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMMUNANALYS_", "DBT_"))}
    env.update(KOMMUNANALYS_BUILD_DIR=str(base / "build"), KOMMUNANALYS_RAW_ROOT=str(base / "raw"),
               KOMMUNANALYS_DERIVED_ROOT=str(base / "derived"), DBT_TARGET_PATH=str(base / "target"),
               DBT_LOG_PATH=str(base / "logs"))
    cli = Path(sys.executable).parent / "kommunanalys"
    run = subprocess.run([str(cli), "demo", "--kommuner", "2"], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return base


def test_demo_writes_database_export_report_and_docs(demo):
    build = demo / "build"
    assert (build / "kommunanalys.duckdb").stat().st_size > 0
    assert (build / "report" / "index.html").read_text(encoding="utf-8").count("<section") >= 6
    assert (build / "docs" / "index.html").stat().st_size > 100_000
    assert (build / "export" / "kpb" / "insatskostnad.parquet").exists()
    assert (build / "export" / "indikatorer" / "utfall.csv").exists()
    assert (demo / "raw" / "_syntetiska_data.json").exists()


@pytest.mark.parametrize("check", ["foundation", "kpb", "ukd", "sip"])
def test_demo_database_passes_the_shared_contract_check(demo, check):
    if not CHECK_CONTRACT.exists():
        pytest.skip(f"{CHECK_CONTRACT} is absent (the shared folder is not beside the checkout)")
    run = subprocess.run([sys.executable, str(CHECK_CONTRACT), str(demo / "build" / "kommunanalys.duckdb"), check],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().splitlines()[-1].startswith("ok:")


def test_demo_refuses_to_replace_a_folder_of_real_deliveries(tmp_path):
    raw = tmp_path / "raw"
    (raw / "ekonomi").mkdir(parents=True)
    (raw / "ekonomi" / "huvudbok_2024.csv").write_text("kommun_kod;period\n", encoding="utf-8")
    env = {**os.environ, "KOMMUNANALYS_RAW_ROOT": str(raw), "KOMMUNANALYS_BUILD_DIR": str(tmp_path / "build")}
    cli = Path(sys.executable).parent / "kommunanalys"
    run = subprocess.run([str(cli), "demo"], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert (raw / "ekonomi" / "huvudbok_2024.csv").exists()
    shutil.rmtree(tmp_path / "build", ignore_errors=True)


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text()
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "make test" in ci and "make test" in readme and "make demo" in readme
