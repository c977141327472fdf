"""SQL style is part of the build: sqlfluff (dialect duckdb, jinja templater with dbt builtins and the project's
macros, see .sqlfluff and lint/jinja_libs/) must report nothing on models and tests. Macro files are not linted on
their own: they are Jinja definitions, and the SQL they produce is linted where the models expand it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kommunanalys.paths import PROJECT_ROOT


def test_sqlfluff_reports_nothing():
    sqlfluff = Path(sys.executable).parent / "sqlfluff"
    run = subprocess.run(
        [str(sqlfluff), "lint", "models", "tests", "--processes", "2", "--format", "json"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1200)
    files = json.loads(run.stdout)
    assert len(files) > 50, "sqlfluff found too few files: is it run from the project root?"
    findings = [f"{f['filepath']}:{v['start_line_no']} {v['code']} {v['description']}"
                for f in files for v in f["violations"]]
    assert not findings, "\n".join(findings)
