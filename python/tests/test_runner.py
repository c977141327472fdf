"""The runner's export reads the built marts through the published (suppression-aware) queries and writes nothing
personal outside its person-level folder. The export's formats and the site are tested on the demo build
(test_export.py, test_site.py)."""

from __future__ import annotations

import re

import duckdb
from typer.testing import CliRunner

from kommunanalys.cli import app
from kommunanalys.export import PERSON_LEVEL, export_marts

PNR = re.compile(r"(?<!\d)(?:19|20)\d{6}-?\d{4}(?!\d)")


def test_export_covers_every_public_mart_with_all_rows(built, tmp_path):
    files = export_marts(built.db, tmp_path / "export", formats=("parquet",))
    marts = built.rows("select table_schema, table_name from information_schema.tables "
                       "where table_schema in ('kpb', 'indikatorer')")
    assert marts, "the build has no public marts"
    con = duckdb.connect()
    names = {f.relative_to(tmp_path / "export").as_posix() for f in files}
    for schema, table in marts:
        # a person-level mart is exported whole into personniva/; every other one as its published relation
        # (schema publicerat, the same name), with all of that relation's rows
        if (schema, table) in PERSON_LEVEL:
            folder, expected = f"personniva/{schema}", built.scalar(f'select count(*) from "{schema}"."{table}"')
        else:
            folder, expected = "publicerat", built.scalar(f'select count(*) from publicerat."{table}"')
        assert f"{folder}/{table}.parquet" in names, (schema, table)
        parquet = tmp_path / "export" / folder / f"{table}.parquet"
        assert con.execute(f"select count(*) from read_parquet('{parquet}')").fetchone()[0] == expected


def test_export_is_deterministic(built, tmp_path):
    first = export_marts(built.db, tmp_path / "a", formats=("csv",))
    second = export_marts(built.db, tmp_path / "b", formats=("csv",))
    for a, b in zip(first, second, strict=True):
        if a.name != "manifest.json":  # it records the export time
            assert a.read_bytes() == b.read_bytes(), a.name


def test_export_holds_no_personnummer(built, tmp_path):
    for path in export_marts(built.db, tmp_path / "export", formats=("csv",)):
        assert not PNR.search(path.read_text(encoding="utf-8-sig")), path


def test_cli_lists_the_runner_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("generate", "score-survey", "build", "export", "report", "docs", "demo"):
        assert command in result.output
