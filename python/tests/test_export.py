"""The demo's export (`kommunanalys export`): Swedish Excel CSV that round-trips through a Swedish-locale reader,
an xlsx workbook whose column sheet describes every column, Parquet, a manifest with hashes and row counts, person-
level marts in their own folder, and no count of 1-4 persons outside it."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from .test_site import NOT_PERSONS
from .test_svenska_beskrivningar import engelska_ord


@pytest.fixture(scope="module")
def export(demo) -> Path:
    return demo / "build" / "export"


@pytest.fixture(scope="module")
def manifest(export) -> dict:
    return json.loads((export / "manifest.json").read_text(encoding="utf-8"))


def swedish_reader(path: Path, manifest: dict) -> pd.DataFrame:
    """How a Swedish-locale tool reads the CSV with the manifest's column types: ';', decimal comma, space as
    thousands separator, UTF-8 with BOM; text columns as text."""
    entry = next(f for f in manifest["files"] if f["path"] == path.relative_to(path.parents[1]).as_posix()
                 or f["path"].endswith(path.relative_to(path.parents[1]).as_posix()))
    text = {c["name"]: str for c in entry["columns"] if c["type"].startswith("VARCHAR")}
    return pd.read_csv(path, sep=";", decimal=",", thousands=" ", encoding="utf-8-sig", dtype=text)


def test_csv_is_swedish_excel_form(export):
    raw = (export / "publicerat" / "avstamning.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    header, first = raw.decode("utf-8-sig").split("\r\n")[:2]
    assert ";" in header and "," not in header
    assert first.startswith('"0880";') or '"08' in first  # codes quoted: text, not numbers


def test_csv_round_trips_through_a_swedish_reader(export, manifest, demo):
    con = duckdb.connect(str(demo / "build" / "kommunanalys.duckdb"), read_only=True)
    df = swedish_reader(export / "publicerat" / "avstamning.csv", manifest)
    assert "0880" in set(df["kommun_kod"])
    assert pd.api.types.is_float_dtype(df["huvudbok_belopp"]) or pd.api.types.is_integer_dtype(df["huvudbok_belopp"])
    expected = con.execute("select kommun_kod, ar, huvudbok_belopp from kpb.avstamning order by 1, 2").fetchall()
    got = list(df[["kommun_kod", "ar", "huvudbok_belopp"]].itertuples(index=False, name=None))
    assert [(k, a, Decimal(str(round(b, 2)))) for k, a, b in got] == expected
    names = swedish_reader(export / "publicerat" / "kommuner.csv", manifest)
    assert set(names["kommun_namn"]) == {r[0] for r in con.execute(
        "select kommun_namn from konfig.kommuner where kommun_kod in (select kommun_kod from kpb.avstamning)"
    ).fetchall()}
    katalog = swedish_reader(export / "publicerat" / "indikator_katalog.csv", manifest)
    assert katalog["indikator_namn"].str.contains("ö").any()
    # a figure written the way Swedish Excel shows it reads as a number with the same reader
    sample = export.parent / "prov.csv"
    sample.write_text('"kommun_kod";"belopp"\r\n"0880";1 234,50\r\n', encoding="utf-8-sig")
    parsed = pd.read_csv(sample, sep=";", decimal=",", thousands=" ", encoding="utf-8-sig", dtype={"kommun_kod": str})
    assert parsed.loc[0, "kommun_kod"] == "0880" and parsed.loc[0, "belopp"] == 1234.5


def test_xlsx_opens_and_its_column_sheet_describes_every_column(export):
    sheets = pd.read_excel(export / "kommunanalys.xlsx", sheet_name=None, engine="openpyxl")
    assert list(sheets)[:2] == ["Om exporten", "Kolumner"]
    front = sheets["Om exporten"].astype(str).to_string()
    assert "Byggd" in front and "Undertryckning" in front and "huvudbok" in front
    columns = sheets["Kolumner"]
    assert not columns["beskrivning"].isna().any()
    assert (columns["beskrivning"].astype(str).str.strip() != "").all()
    for name, df in sheets.items():
        if name in ("Om exporten", "Kolumner"):
            continue
        described = set(columns.loc[columns["blad"] == name, "kolumn"])
        assert set(df.columns) <= described, (name, set(df.columns) - described)
    assert "utfall" in sheets and "insatskostnad" in sheets
    # codes are text cells in the workbook ('0880', not 880), as Excel shows them
    import openpyxl

    book = openpyxl.load_workbook(export / "kommunanalys.xlsx", read_only=True)
    code = next(book["kommuner"].iter_rows(min_row=2, max_row=2))[0]
    assert (code.value, code.data_type) == ("0880", "s")
    assert sheets["Kolumner"].loc[sheets["Kolumner"]["kolumn"] == "kommun_kod", "beskrivning"].str.len().min() > 10
    # the descriptions economists read are Swedish (issue 23, item 5)
    engelska = {text: engelska_ord(text) for text in columns["beskrivning"].astype(str) if engelska_ord(text)}
    assert not engelska, list(engelska.items())[:5]


def test_manifest_describes_every_file(export, manifest, demo):
    con = duckdb.connect(str(demo / "build" / "kommunanalys.duckdb"), read_only=True)
    assert manifest["suppression"]["undertryck_min_personer"] == 5
    assert manifest["project_version"] and manifest["build_time"]
    assert {p["source"] for p in manifest["data_period"]} >= {"ekonomi.huvudbok", "region.vardtillfallen"}
    files = {f["path"]: f for f in manifest["files"]}
    for path, entry in files.items():
        assert hashlib.sha256((export / path).read_bytes()).hexdigest() == entry["sha256"], path
        assert entry["person_level"] == path.startswith("personniva/"), path
    assert set(manifest["person_level_files"]) == {p for p in files if p.startswith("personniva/")}
    for schema, table in (("kpb", "brukare"), ("indikatorer", "sip")):
        entry = files[f"personniva/{schema}/{table}.parquet"]
        assert entry["rows"] == con.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
    assert not any("person_id" in c["name"] for p, f in files.items() if not f["person_level"]
                   for c in f.get("columns", []))


def test_no_count_of_one_to_four_outside_the_person_level_folder(export):
    from .test_site import small_counts
    import pyarrow as pa

    for path in export.rglob("*.csv"):
        if "personniva" in path.relative_to(export).parts:
            continue
        df = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        numeric = {c: pd.to_numeric(df[c].str.replace(",", "."), errors="coerce") for c in df.columns
                   if c.startswith("antal_") or c in ("taljare", "varde")}
        table = pa.table({**{c: pa.array(v) for c, v in numeric.items()},
                          **({"enhet": pa.array(df["enhet"])} if "enhet" in df else {})})
        assert not small_counts(table, 5), path
    sheets = pd.read_excel(export / "kommunanalys.xlsx", sheet_name=None, engine="openpyxl")
    for name, df in sheets.items():
        for column in df.columns:
            if str(column).startswith("antal_") and column not in NOT_PERSONS:
                values = pd.to_numeric(df[column], errors="coerce")
                assert not ((values >= 1) & (values < 5)).any(), (name, column)
