"""SCB population from PxWebApi 2 in json-stat2 (TAB638): 'tot' is not an age, '100+' is 100, the region code (not
its label) is the municipality, and staging reads it as it reads the CSV (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from kommunanalys.jsonstat import JsonStatFel, befolkning

KEY = "test-nyckel-scb"
AGES = ["0", "1", "100+", "tot"]


def tab638(regions: dict[str, str], years: list[str], values: list) -> dict:
    """A TAB638 answer in PxWebApi 2's json-stat2 shape: dimensions Region, Alder, Kon, ContentsCode, Tid."""
    return {
        "version": "2.0", "class": "dataset", "label": "Folkmängden per region, ålder, kön och år",
        "source": "SCB", "updated": "2025-02-20T06:00:00Z",
        "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
        "size": [len(regions), len(AGES), 2, 1, len(years)],
        "dimension": {
            "Region": {"label": "region", "category": {"index": {k: i for i, k in enumerate(regions)},
                                                       "label": regions}},
            "Alder": {"label": "ålder", "category": {"index": {k: i for i, k in enumerate(AGES)},
                                                     "label": {"0": "0 år", "1": "1 år", "100+": "100+ år",
                                                               "tot": "totalt ålder"}}},
            "Kon": {"label": "kön", "category": {"index": {"1": 0, "2": 1}, "label": {"1": "män", "2": "kvinnor"}}},
            "ContentsCode": {"label": "tabellinnehåll", "category": {"index": {"000003O5": 0},
                                                                     "label": {"000003O5": "Folkmängd"}}},
            "Tid": {"label": "år", "category": {"index": {y: i for i, y in enumerate(years)}}},
        },
        "value": values,
    }


# one region, ages 0, 1, 100+, tot; sex 1, 2; years 2023, 2024: 16 cells, row-major (Tid fastest)
VALUES = [10, 11, 12, 13,    # age 0: män 2023, 2024; kvinnor 2023, 2024
          20, 21, 22, 23,    # age 1
          1, 0, 3, 4,        # 100+
          31, 32, 37, 40]    # tot (not rows)


def test_tot_is_not_an_age_and_100_plus_is_100_with_the_cell_position_as_line(tmp_path):
    path = tmp_path / "befolkning.json"
    path.write_text(json.dumps(tab638({"0880": "Kalmar"}, ["2023", "2024"], VALUES)), encoding="utf-8")
    rows, skipped = befolkning(path, "scb/befolkning.json")
    assert skipped == 4
    assert [(r["kommun_kod"], r["ar"], r["alder"], r["kon"], r["antal"], r["leverans_rad"]) for r in rows] == [
        ("0880", "2023", "0", "1", "10", 1), ("0880", "2024", "0", "1", "11", 2),
        ("0880", "2023", "0", "2", "12", 3), ("0880", "2024", "0", "2", "13", 4),
        ("0880", "2023", "1", "1", "20", 5), ("0880", "2024", "1", "1", "21", 6),
        ("0880", "2023", "1", "2", "22", 7), ("0880", "2024", "1", "2", "23", 8),
        ("0880", "2023", "100", "1", "1", 9), ("0880", "2024", "100", "1", "0", 10),
        ("0880", "2023", "100", "2", "3", 11), ("0880", "2024", "100", "2", "4", 12),
    ]


def test_an_age_band_is_an_error_naming_file_and_code(tmp_path):
    doc = tab638({"0880": "Kalmar"}, ["2023", "2024"], VALUES)
    doc["dimension"]["Alder"]["category"]["index"] = {"0-4": 0, "1": 1, "100+": 2, "tot": 3}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(JsonStatFel, match=r"^scb/b.json: åldern '0-4' är varken"):
        befolkning(path, "scb/b.json")


def test_json_stat2_and_csv_give_the_same_staged_population(tmp_path):
    from .test_staging import isolated_dbt

    results = []
    for form in ("csv", "json"):
        raw = tmp_path / form / "raw" / "scb"
        raw.mkdir(parents=True)
        if form == "json":
            (raw / "befolkning_2023.json").write_text(
                json.dumps(tab638({"0880": "0880 Kalmar"}, ["2023", "2024"], VALUES)), encoding="utf-8")
        else:
            lines = ["kommun_kod;ar;alder;kon;antal"]
            for i, age in enumerate(["0", "1", "100"]):
                for j, kon in enumerate(["1", "2"]):
                    for k, year in enumerate(["2023", "2024"]):
                        lines.append(f"0880;{year};{age};{kon};{VALUES[i * 4 + j * 2 + k]}")
            (raw / "befolkning_2023.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        run = isolated_dbt(tmp_path / form, ["run", "--select", "+stg_scb__befolkning"], raw.parent, key=KEY)
        assert run.returncode == 0, run.stdout[-3000:]
        con = duckdb.connect(str(tmp_path / form / "db.duckdb"), read_only=True)
        try:
            results.append(con.execute("select kommun_kod, ar, alder, kon, antal from staging.stg_scb__befolkning "
                                       "order by all").fetchall())
            lineage = con.execute("select kalla_fil, min(kalla_rad), max(kalla_rad), count(*) "
                                  "from staging.base_scb__befolkning group by 1").fetchall()
        finally:
            con.close()
    assert len(results[0]) == 12
    assert results[1] == results[0]
    assert ("0880", 2023, 100, "kvinna", 3) in results[1]
    assert lineage == [("scb/befolkning_2023.json", 1, 12, 12)]
