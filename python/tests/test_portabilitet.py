"""Fast checks that the project stays portable to Spark (issue 13), without building anything on Spark: the full
comparison is python/tests/test_spark.py (marked `spark`)."""

from __future__ import annotations

import re

import pytest

from kommunanalys.paths import PROJECT_ROOT


def _makron() -> dict[str, str]:
    namn = {}
    for f in (PROJECT_ROOT / "macros").rglob("*.sql"):
        for m in re.finditer(r"{%-?\s*macro\s+(\w+)\s*\(", f.read_text(encoding="utf-8")):
            namn[m.group(1)] = str(f.relative_to(PROJECT_ROOT))
    return namn


def test_every_duckdb_macro_has_a_spark_or_default_variant():
    """A dispatched macro with a duckdb__ variant also has spark__ or default__: else dbt parse fails on Spark
    (`No macro named ...`, as it did for pseudonym and raw_csv)."""
    makron = _makron()
    saknas = [f"{n} ({makron[n]})" for n in makron if n.startswith("duckdb__")
              and f"spark__{n[8:]}" not in makron and f"default__{n[8:]}" not in makron]
    assert not saknas, f"no spark__ / default__ variant: {saknas}"


def test_no_duckdb_only_syntax_in_models():
    """DuckDB-only syntax stays inside duckdb__ macros: not in models, tests or the shared macros' SQL."""
    monster = {
        r"\*\s*exclude\s*\(": "* exclude (...)",
        r"union all by name": "union all by name",
        r"\bstring_agg\s*\(": "string_agg (use sorterad_lista)",
        r"\blistagg\b": "dbt.listagg (use sorterad_lista: its order by is ignored on Spark)",
        r"over\s*\(\s*\)": "row_number() over () (scan order; Spark needs an order by)",
        r"\bas varchar\b|data_type: varchar\b": "varchar (use string: Spark rejects a bare varchar)",
    }
    filer = [*(PROJECT_ROOT / "models").rglob("*.sql"), *(PROJECT_ROOT / "models").rglob("*.yml"),
             *(PROJECT_ROOT / "tests").rglob("*.sql"), *(PROJECT_ROOT / "seeds").rglob("*.yml")]
    brott = []
    for f in filer:
        text = f.read_text(encoding="utf-8")
        for m, vad in monster.items():
            if re.search(m, text, flags=re.IGNORECASE):
                brott.append(f"{f.relative_to(PROJECT_ROOT)}: {vad}")
    assert not brott, "\n".join(brott)


def test_dbt_parse_on_spark(tmp_path):
    """`dbt parse --target spark` succeeds (needs dbt-spark; parse opens no Spark session)."""
    pytest.importorskip("dbt.adapters.spark", reason="dbt-spark is not installed (pip install -e '.[spark]')")
    from dbt.cli.main import dbtRunner

    res = dbtRunner().invoke(["parse", "--target", "spark", "--project-dir", str(PROJECT_ROOT),
                              "--profiles-dir", str(PROJECT_ROOT), "--target-path", str(tmp_path / "target"),
                              "--log-path", str(tmp_path / "logs")])
    assert res.success, res.exception
