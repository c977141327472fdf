"""The runner's export and report read the built marts and write nothing personal."""

from __future__ import annotations

import re

import duckdb
from typer.testing import CliRunner

from kommunanalys.cli import app
from kommunanalys.export import export_marts
from kommunanalys.report import write_report

PNR = re.compile(r"(?<!\d)(?:19|20)\d{6}-?\d{4}(?!\d)")


def test_export_writes_every_public_mart_with_all_rows(built, tmp_path):
    files = export_marts(built.db, tmp_path / "export")
    marts = built.rows("select table_schema, table_name from information_schema.tables "
                       "where table_schema in ('kpb', 'indikatorer')")
    assert marts, "the build has no public marts"
    assert len(files) == 2 * len(marts)
    con = duckdb.connect()
    for schema, table in marts:
        expected = built.scalar(f'select count(*) from "{schema}"."{table}"')
        parquet = tmp_path / "export" / schema / f"{table}.parquet"
        assert con.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0] == expected


def test_export_is_deterministic(built, tmp_path):
    first = export_marts(built.db, tmp_path / "a", formats=("csv",))
    second = export_marts(built.db, tmp_path / "b", formats=("csv",))
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_report_has_a_section_per_present_mart_and_no_personnummer(built, tmp_path):
    page = write_report(built.db, tmp_path / "report").read_text(encoding="utf-8")
    present = {f"{s}.{t}" for s, t in built.rows("select table_schema, table_name from information_schema.tables")}
    expected_titles = {
        "kpb.avstamning": "Avstämning KPB", "kpb.produktivitet": "Produktivitet", "kpb.brukarmix": "Brukarmix",
        "kpb.konsumtion": "Konsumtion per åldersgrupp", "indikatorer.utfall": "Indikatorer: senaste period",
        "indikatorer.betalningsansvar": "Betalningsansvar",
    }
    for relation, title in expected_titles.items():
        if relation in present:
            assert f"<h2>{title}" in page, relation
            assert f"{relation} finns inte" not in page
    assert "<svg" in page
    assert not PNR.search(page)


def test_cli_lists_the_runner_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("generate", "score-survey", "build", "export", "report", "docs", "demo"):
        assert command in result.output
