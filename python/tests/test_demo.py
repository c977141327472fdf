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
from typer.testing import CliRunner

from kommunanalys import cli

from kommunanalys.paths import PROJECT_ROOT

CHECK_CONTRACT = PROJECT_ROOT.parent / "shared" / "tools" / "check_contract.py"


def test_demo_writes_database_export_site_and_docs(demo):
    build = demo / "build"
    assert (build / "kommunanalys.duckdb").stat().st_size > 0
    assert (build / "docs" / "index.html").stat().st_size > 100_000
    assert (build / "export" / "publicerat" / "insatskostnad.parquet").exists()
    assert (build / "export" / "publicerat" / "utfall.csv").exists()
    assert (build / "export" / "kommunanalys.xlsx").exists()
    assert (build / "export" / "manifest.json").exists()
    assert (demo / "raw" / "_syntetiska_data.json").exists()
    if shutil.which("node"):
        assert (build / "site" / "index.html").exists()
        assert (build / "site" / "kommun" / "0880" / "index.html").exists()
    else:
        assert "Node.js" in (demo / "demo.log").read_text(encoding="utf-8")


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


def test_report_without_node_says_what_is_missing(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), "KOMMUNANALYS_BUILD_DIR": str(tmp_path)}
    run = subprocess.run([str(Path(sys.executable).parent / "kommunanalys"), "report"], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 3
    assert "Node.js" in run.stderr and "npm" in run.stderr


def test_demo_without_node_builds_the_rest_and_exits_0(monkeypatch, tmp_path):
    done = []
    for step in ("generate", "build", "export", "docs"):
        monkeypatch.setattr(cli, step, lambda *a, _s=step, **k: done.append(_s))
    monkeypatch.setenv("KOMMUNANALYS_RAW_ROOT", str(tmp_path / "raw"))
    monkeypatch.setenv("KOMMUNANALYS_DERIVED_ROOT", str(tmp_path / "derived"))
    monkeypatch.setenv("KOMMUNANALYS_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))
    result = CliRunner().invoke(cli.app, ["demo"])
    assert result.exit_code == 0, result.output
    assert done == ["generate", "build", "export", "docs"]
    assert "Node.js" in result.output and "not built" in result.output
