"""Kolada responses as the API delivers them today (v3: next_url/previous_url, status, isdeleted) beside the saved
v2 responses: the same comparison values, a deleted value never used, and a response whose next page is missing
stops the build naming the file (issue 21)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import duckdb
import numpy as np
import pytest

from kommunanalys.generator.kolada import write_kolada
from kommunanalys.kolada import granska_filer
from .test_staging import isolated_dbt, isolated_tables

KEY = "test-nyckel-kolada"
V3 = "https://api.kolada.se/v3/data/kpi/{kpi}/year/2023,2024"


def page(values: list[dict], nr: int, last: bool, kpi: str) -> dict:
    """One v3 page in the API's shape: count = items on this page, links with the page number."""
    base = V3.format(kpi=kpi)
    return {"count": len(values),
            "next_url": None if last else f"{base}?page={nr + 1}&per_page=5",
            "previous_url": None if nr == 1 else f"{base}?page={nr - 1}&per_page=5",
            "values": values}


def to_v3(v2_folder: Path, v3_folder: Path, per_page: int = 5) -> int:
    """The v3 twin of a v2 folder: each response split into pages of per_page data points, each value with status
    and isdeleted false; returns the number of pages written."""
    v3_folder.mkdir(parents=True, exist_ok=True)
    pages = 0
    for path in sorted(v2_folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        points = [dict(p, values=[dict(v, status="", isdeleted=False) for v in p["values"]]) for p in doc["values"]]
        chunks = [points[i:i + per_page] for i in range(0, len(points), per_page)]
        for nr, chunk in enumerate(chunks, start=1):
            (v3_folder / f"{path.stem}_sida{nr:02d}.json").write_text(
                json.dumps(page(chunk, nr, nr == len(chunks), path.stem)), encoding="utf-8")
            pages += 1
    return pages


def write(folder: Path, name: str, doc: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


POINT = {"kpi": "U21003", "municipality": "0880", "period": 2023,
         "values": [{"gender": "T", "value": 540.0, "count": 1, "status": "", "isdeleted": False}]}


def test_v3_pages_all_delivered_pass(tmp_path):
    a = write(tmp_path, "a.json", page([POINT], 1, False, "U21003"))
    b = write(tmp_path, "b.json", page([POINT], 2, False, "U21003"))
    c = write(tmp_path, "c.json", page([POINT], 3, True, "U21003"))
    assert granska_filer([("a.json", a), ("b.json", b), ("c.json", c)]) == []


def test_v3_page_whose_next_page_is_missing_is_named(tmp_path):
    a = write(tmp_path, "a.json", page([POINT], 1, False, "U21003"))
    b = write(tmp_path, "b.json", page([POINT], 2, False, "U21003"))
    fel = granska_filer([("extern/kolada/a.json", a), ("extern/kolada/b.json", b)])
    assert len(fel) == 1
    assert fel[0].startswith("extern/kolada/b.json: svaret fortsätter på en sida till")
    assert "page=3" in fel[0]


def test_a_page_of_another_request_does_not_complete_it(tmp_path):
    """page 2 of U21005's answer is not page 2 of U21003's"""
    a = write(tmp_path, "a.json", page([POINT], 1, False, "U21003"))
    b = write(tmp_path, "b.json", page([POINT], 2, True, "U21005"))
    fel = granska_filer([("a.json", a), ("b.json", b)])
    assert [f.split(":")[0] for f in fel] == ["a.json"]


def test_v2_next_page_missing_is_named_and_bad_json_names_the_line(tmp_path):
    a = write(tmp_path, "a.json", {"values": [], "count": 0,
                                   "next_page": "http://api.kolada.se/v2/data/kpi/N1/year/2020?page=2"})
    b = tmp_path / "b.json"
    b.write_text('{"values": [\n  {"kpi": }\n]}', encoding="utf-8")
    fel = granska_filer([("a.json", a), ("b.json", b)])
    assert fel[0].startswith("a.json: svaret fortsätter på en sida till (http://api.kolada.se/v2/")
    assert fel[1].startswith("b.json: rad 2: ogiltig JSON")


def _stg(base: Path) -> list[tuple]:
    con = duckdb.connect(str(base / "db.duckdb"), read_only=True)
    try:
        return con.execute("select kpi, kommun_kod, ar, kon, varde, antal from staging.stg_extern__kolada "
                           "order by all").fetchall(), \
            con.execute("select kalla_fil, kalla_rad, karantan_orsak from staging.base_extern__kolada "
                        "where karantan_orsak is not null").fetchall(), \
            con.execute("select distinct status from staging.stg_extern__kolada").fetchall()
    finally:
        con.close()


def _raw(base: Path) -> Path:
    raw = base / "raw"
    raw.mkdir(parents=True)
    (raw / "_syntetiska_data.json").write_text('{"synthetic": true}', encoding="utf-8")
    return raw


@pytest.fixture(scope="module")
def v2_and_v3(tmp_path_factory):
    """The generator's v2 responses, and their v3 twin in pages of five with one extra value marked isdeleted."""
    base = tmp_path_factory.mktemp("kolada")
    v2, v3 = _raw(base / "v2"), _raw(base / "v3")
    write_kolada(v2 / "extern" / "kolada", ["0880", "1480"], [2023, 2024], np.random.default_rng(3))
    pages = to_v3(v2 / "extern" / "kolada", v3 / "extern" / "kolada")
    assert pages > 9
    # a value Kolada has deleted: in the file, never used
    deleted = dict(POINT, municipality="0999", values=[dict(POINT["values"][0], isdeleted=True, value=1.0)])
    write(v3 / "extern" / "kolada", "zz_struken.json", page([deleted], 1, True, "U21003"))
    first = v3 / "extern" / "kolada" / "U21003_sida01.json"
    doc = json.loads(first.read_text(encoding="utf-8"))
    doc["values"][0]["values"][0]["status"] = "Reviderad"
    first.write_text(json.dumps(doc), encoding="utf-8")
    results = {}
    for name, raw in (("v2", v2), ("v3", v3)):
        run = isolated_dbt(base / name, ["run", "--select", "+stg_extern__kolada"], raw, key=KEY)
        assert run.returncode == 0, run.stdout[-3000:]
        results[name] = _stg(base / name)
    return results


def test_v3_folder_gives_the_same_comparison_values_as_its_v2_twin(v2_and_v3):
    v2_rows, _, _ = v2_and_v3["v2"]
    v3_rows, _, _ = v2_and_v3["v3"]
    assert len(v2_rows) == 78  # 9 KPIs x 3 areas x 2 years, two KPIs also per sex: 54 + 24
    assert v3_rows == v2_rows
    assert all(isinstance(r[4], Decimal) for r in v3_rows if r[4] is not None)


def test_a_deleted_v3_value_is_quarantined_and_status_is_kept(v2_and_v3):
    _, quarantine, status = v2_and_v3["v3"]
    assert quarantine == [("extern/kolada/zz_struken.json", 1,
                           "isdeleted: värdet är struket i Kolada (används inte)")]
    assert set(status) == {(None,), ("Reviderad",)}  # an empty status is NULL, as every empty cell
    assert v2_and_v3["v2"][2] == [(None,)]


def test_a_missing_following_page_stops_the_build_naming_the_file(tmp_path):
    raw = _raw(tmp_path)
    write(raw / "extern" / "kolada", "U21003_sida01.json", page([POINT], 1, False, "U21003"))
    run = isolated_dbt(tmp_path, ["run", "--select", "+stg_extern__kolada"], raw, key=KEY)
    assert run.returncode != 0
    assert "extern/kolada/U21003_sida01.json: svaret fortsätter på en sida till" in run.stdout
    assert "base_extern__kolada" not in isolated_tables(tmp_path)
