"""A municipality's own package (issue 19): `kommunanalys export --kommun 0880` and the database the site and PDF of
one municipality are built from (`kommunanalys report --kommun 0880`) hold no row of another municipality - checked
over every file, every sheet and every table: no cell holds another municipality's code or name. Catalogues without
a kommun_kod (indicators, insatser, the rule, the data period) are whole; a comparison group's mean is not another
municipality's row and stays."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kommunanalys.cli import app
from kommunanalys.export import export_marts
from kommunanalys.site import kommun_databas


@pytest.fixture(scope="module")
def kommuner(built) -> dict[str, str]:
    rows = built.rows("select kommun_kod, kommun_namn from publicerat.kommuner order by 1")
    assert len(rows) >= 2, "the test needs a build with two municipalities"
    return dict(rows)


def _andras(kommuner: dict[str, str], egen: str) -> set[str]:
    return {v for kod, namn in kommuner.items() if kod != egen for v in (kod, namn)}


def _celler(df: pd.DataFrame, andra: set[str]) -> list:
    """Cells of a table that name another municipality (its code or name, as a whole text cell)."""
    hittade = []
    for column in df.columns:
        varden = df[column].dropna()
        if varden.empty or not (pd.api.types.is_object_dtype(varden) or pd.api.types.is_string_dtype(varden)):
            continue
        traffar = varden.astype(str)[varden.astype(str).isin(andra)]
        hittade += [(column, v) for v in traffar.unique()]
    return hittade


@pytest.fixture(scope="module")
def paket(built, kommuner, tmp_path_factory) -> tuple[Path, str]:
    egen = sorted(kommuner)[0]
    out = tmp_path_factory.mktemp("paket") / f"export_{egen}"
    export_marts(built.db, out, kommun=egen)
    return out, egen


def test_the_package_has_no_other_municipalitys_row_in_any_file(paket, kommuner, built):
    out, egen = paket
    andra = _andras(kommuner, egen)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert {p.suffix for p in files} == {".csv", ".parquet", ".xlsx", ".json"}
    assert any("personniva" in p.parts for p in files)
    egna_rader = 0
    for path in files:
        if path.suffix == ".parquet":
            frames = {path.name: pq.read_table(path).to_pandas()}
        elif path.suffix == ".csv":
            frames = {path.name: pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)}
        elif path.suffix == ".xlsx":
            frames = pd.read_excel(path, sheet_name=None, dtype=str, engine="openpyxl")
        else:
            text = path.read_text(encoding="utf-8")
            assert not [a for a in andra if f'"{a}"' in text], path
            assert json.loads(text)["kommun"] == egen
            continue
        for name, df in frames.items():
            assert not _celler(df, andra), (path, name, _celler(df, andra)[:5])
            if "kommun_kod" in df.columns:
                assert set(df["kommun_kod"].astype(str)) <= {egen}, (path, name)
                egna_rader += len(df)
    assert egna_rader > 1000


def test_the_package_holds_all_of_the_municipalitys_own_rows(paket, built):
    out, egen = paket
    for tabell in ("insatskostnad", "utfall", "sip_antal"):
        df = pq.read_table(out / "publicerat" / f"{tabell}.parquet").to_pandas()
        assert len(df) == built.scalar(f"select count(*) from publicerat.{tabell} where kommun_kod = ?", [egen])
    brukare = pq.read_table(out / "personniva" / "kpb" / "brukare.parquet").to_pandas()
    assert len(brukare) == built.scalar("select count(*) from kpb.brukare where kommun_kod = ?", [egen]) > 0
    # catalogues without a municipality are whole
    katalog = pq.read_table(out / "publicerat" / "indikator_katalog.parquet").to_pandas()
    assert len(katalog) == built.scalar("select count(*) from publicerat.indikator_katalog")
    # the comparison group's mean is a figure of the group, not another municipality's row: it stays
    produktivitet = pq.read_table(out / "publicerat" / "produktivitet.parquet").to_pandas()
    assert produktivitet["jamforelse_enhetskostnad"].notna().any()


def test_the_site_database_of_one_municipality_has_no_other_municipalitys_row(built, kommuner, tmp_path):
    egen = sorted(kommuner)[-1]
    andra = _andras(kommuner, egen)
    db = kommun_databas(built.db, egen, tmp_path / "kommun.duckdb")
    con = duckdb.connect(str(db), read_only=True)
    try:
        tabeller = [t for (t,) in con.execute("select table_name from information_schema.tables "
                                               "where table_schema = 'publicerat'").fetchall()]
        assert sorted(tabeller) == sorted(t for (t,) in built.rows(
            "select table_name from information_schema.tables where table_schema = 'publicerat'"))
        for tabell in tabeller:
            df = con.execute(f"select * from publicerat.{tabell}").df()
            assert not _celler(df, andra), (tabell, _celler(df, andra)[:5])
        assert con.execute("select kommun_kod from publicerat.kommuner").fetchall() == [(egen,)]
    finally:
        con.close()


def test_an_unknown_municipality_is_refused(built, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(built.db), "--out", str(tmp_path / "x"), "--kommun", "9999"])
    assert result.exit_code == 2
    assert "9999" in result.output
