"""The same demo delivered in the forms real sources use — the ledger as SIE 4E, the population as PxWebApi 2
json-stat2, Kolada as v3 pages — gives marts identical to the CSV / v2 build (the session's `built`) to the öre
(issue 21). One extra build of the whole project."""

from __future__ import annotations

from collections import Counter

import pytest

from .conftest import build_project

# columns that name where a row was read (file, line), which differ by form by design
LINEAGE = ("kalla_fil", "kalla_rad", "huvudbok_rad_id", "harledd_fil", "harledd_rad")


@pytest.fixture(scope="module")
def built_former(tmp_path_factory):
    return build_project(tmp_path_factory.mktemp("former"),
                         former={"huvudbok": "sie4e", "befolkning": "jsonstat2", "kolada_form": "v3"})


def _tables(b, schema: str) -> list[str]:
    return [r[0] for r in b.rows("select table_name from information_schema.tables where table_schema = ? "
                                 "order by 1", [schema])]


def _content(b, schema: str, table: str) -> Counter:
    cols = [r[0] for r in b.rows("select column_name from information_schema.columns where table_schema = ? and "
                                 "table_name = ? order by ordinal_position", [schema, table])
            if not r[0].startswith(LINEAGE)]
    return Counter(b.rows(f'select {", ".join(chr(34) + c + chr(34) for c in cols)} from "{schema}"."{table}"'))


def test_the_forms_were_really_used(built_former):
    files = {p.relative_to(built_former.raw).as_posix() for p in built_former.raw.rglob("*") if p.is_file()}
    assert any(f.endswith(".se") for f in files) and not any(f.startswith("ekonomi/huvudbok_2") and
                                                               f.endswith(".csv") for f in files)
    assert "scb/befolkning_2023.json" in files and "scb/befolkning_2023.csv" not in files
    assert "extern/kolada/U21003_sida02.json" in files
    assert built_former.scalar("select count(*) from staging.stg_ekonomi__huvudbok where kalla_fil like '%.se'") > 1000


@pytest.mark.parametrize("schema", ["kpb", "indikatorer"])
def test_marts_are_identical_whichever_form_the_files_came_in(built, built_former, schema):
    tables = _tables(built, schema)
    assert tables and tables == _tables(built_former, schema)
    differ = [t for t in tables if _content(built, schema, t) != _content(built_former, schema, t)]
    assert differ == []


def test_staged_population_kolada_and_ledger_totals_are_identical(built, built_former):
    for sql in ("select sum(belopp), count(*) from staging.stg_ekonomi__huvudbok",
                "select sum(antal), count(*) from staging.stg_scb__befolkning",
                "select sum(varde), count(*) from staging.stg_extern__kolada"):
        assert built.rows(sql) == built_former.rows(sql)


@pytest.fixture(scope="module")
def built_sie3(tmp_path_factory):
    # what its test reads: the staged ledger and the KPB marts (the KPB models, everything they need, their tests);
    # the indicators of a SIE ledger are compared in built_former
    return build_project(tmp_path_factory.mktemp("sie3"), former={"huvudbok": "sie3"}, select=["+path:models/kpb"])


def test_sie_type_3_gives_the_same_kpb_marts_and_ledger(built, built_sie3):
    """The same ledger as SIE type 3 (balances per full object list, beside the subtotal lines real files repeat
    the money on): the subtotals are not added, the marts are identical to the öre."""
    assert built_sie3.scalar("select count(*) from staging.stg_ekonomi__huvudbok where kalla_fil like '%.se'") > 1000
    sql = "select sum(belopp), count(*) from staging.stg_ekonomi__huvudbok"
    assert built.rows(sql) == built_sie3.rows(sql)
    tables = _tables(built, "kpb")
    assert [t for t in tables if _content(built, "kpb", t) != _content(built_sie3, "kpb", t)] == []


def test_radavstamning_balances_for_sie_and_json_stat2_files(built_former):
    rows = built_former.rows(
        "select kalla_fil, raw_rader, anvanda_rader, karantan_rader, ersatta_rader from staging.radavstamning "
        "where kalla_fil like '%.se' or kalla_fil like 'scb/%.json' order by kalla_fil")
    assert [r[0] for r in rows] == ["ekonomi/huvudbok_2023_0880.se", "ekonomi/huvudbok_2023_0881.se",
                                    "ekonomi/huvudbok_2024_0880.se", "ekonomi/huvudbok_2024_0881.se",
                                    "scb/befolkning_2023.json", "scb/befolkning_2024.json"]
    assert all(raw == used + quarantined + replaced and raw > 0 for _, raw, used, quarantined, replaced in rows)
    # every staged ledger row of a SIE file points at a #TRANS line of it
    fil, rad = built_former.rows("select kalla_fil, kalla_rad from staging.stg_ekonomi__huvudbok "
                                 "where kalla_fil like '%.se' order by kalla_fil, kalla_rad desc limit 1")[0]
    line = (built_former.raw / fil).read_bytes().split(b"\r\n")[rad - 1]
    assert line.lstrip().startswith(b"#TRANS ")
