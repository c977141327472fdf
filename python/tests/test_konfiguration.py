"""Configuration edited in Swedish Excel (issue 21): the seeds exported to a workbook come back unchanged, a
semicolon CSV in Windows-1252 as Excel saves it becomes the seed, and a bad value names sheet/file, row and column
while no seed is written."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kommunanalys.konfiguration import KonfigurationsFel, exportera, importera
from kommunanalys.paths import PROJECT_ROOT


@pytest.fixture
def seeds(tmp_path) -> Path:
    root = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", root)
    return root


def _parsed(root: Path) -> dict[str, list[list[str]]]:
    return {p.relative_to(root).as_posix(): list(csv.reader(p.open(encoding="utf-8", newline="")))
            for p in sorted(root.rglob("*.csv"))}


def test_export_edit_nothing_import_gives_the_same_seeds_and_is_deterministic(seeds, tmp_path):
    before = _parsed(seeds)
    book = tmp_path / "konfiguration.xlsx"
    sheets = exportera(seeds, book)
    assert "kpb_oversattning" in sheets and len(sheets) == len(before)
    assert load_workbook(book)["kommuner"]["A2"].value == "0880"  # a code keeps its leading zero
    importera(book, seeds)
    assert _parsed(seeds) == before
    first = {p: p.read_bytes() for p in seeds.rglob("*.csv")}
    exportera(seeds, book)
    importera(book, seeds)
    assert {p: p.read_bytes() for p in seeds.rglob("*.csv")} == first


def test_an_edited_workbook_with_numbers_typed_in_excel_is_normalised(seeds, tmp_path):
    book = tmp_path / "k.xlsx"
    exportera(seeds, book)
    wb = load_workbook(book)
    ws = wb["kpb_oversattning"]
    head = [c.value for c in ws[1]]
    ws.cell(row=2, column=head.index("prioritet_hogre_vinner") + 1, value=450)  # a number, as Excel stores it
    wb.save(book)
    importera(book, seeds)
    rows = list(csv.DictReader((seeds / "kpb" / "kpb_oversattning.csv").open(encoding="utf-8")))
    assert rows[0]["prioritet_hogre_vinner"] == "450"


def test_semicolon_windows_1252_csv_as_excel_saves_it_becomes_the_seed(seeds, tmp_path):
    folder = tmp_path / "excel"
    folder.mkdir()
    text = "kommun_kod;kommun_namn;lan_kod;lan_namn;orgnr\r\n0880;Kalmar;08;Kalmar län;212000-0880\r\n" \
           "0881;Nybro;08;Kalmar län;\r\n"
    (folder / "kommuner.csv").write_bytes(text.encode("cp1252"))
    assert importera(folder, seeds) == [seeds / "gemensam" / "kommuner.csv"]
    assert (seeds / "gemensam" / "kommuner.csv").read_text(encoding="utf-8") == (
        "kommun_kod,kommun_namn,lan_kod,lan_namn,orgnr\n0880,Kalmar,08,Kalmar län,212000-0880\n"
        "0881,Nybro,08,Kalmar län,\n")


def test_a_non_numeric_priority_names_file_row_and_column_and_writes_nothing(seeds, tmp_path):
    folder = tmp_path / "excel"
    folder.mkdir()
    original = (seeds / "kpb" / "kpb_oversattning.csv").read_bytes()
    rows = list(csv.reader((seeds / "kpb" / "kpb_oversattning.csv").open(encoding="utf-8")))
    col = rows[0].index("prioritet_hogre_vinner")
    rows[3][col] = "hög"
    with (folder / "kpb_oversattning.csv").open("w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    (folder / "kommuner.csv").write_bytes(b"kommun_kod;kommun_namn;lan_kod;lan_namn;orgnr\r\n0880;K;08;L;\r\n")
    with pytest.raises(KonfigurationsFel) as err:
        importera(folder, seeds)
    assert "kpb_oversattning: rad 4, kolumn prioritet_hogre_vinner: 'hög' är inte ett heltal" in str(err.value)
    assert (seeds / "kpb" / "kpb_oversattning.csv").read_bytes() == original
    assert "0881" in (seeds / "gemensam" / "kommuner.csv").read_text(encoding="utf-8")  # nothing written


def test_a_bad_value_in_a_workbook_names_the_sheet(seeds, tmp_path):
    book = tmp_path / "k.xlsx"
    exportera(seeds, book)
    wb = load_workbook(book)
    ws = wb["sie_dimensioner"]
    ws["B3"] = "tjugo"
    wb.save(book)
    with pytest.raises(KonfigurationsFel, match=r"sie_dimensioner: rad 3, kolumn dim_nr: 'tjugo' är inte ett heltal"):
        importera(book, seeds)
