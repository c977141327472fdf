"""No personnummer and no key anywhere the build writes: not in any relation or column of the built database, not
in target/ (compiled SQL, manifest, run results) and not in the logs.

Scans for the pattern of the contract, (19|20)YYMMDD-?NNNN bounded by non-digits, in every relation, and — in the
files, where hashes and ids make digit runs common — for pattern hits that are real personnummer (valid date and
Luhn check digit); and literally for the personnummer of the fixture files, the demo key and the test key.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from kommunanalys.dbt_plugin import DEMO_KEY
from kommunanalys.paths import PROJECT_ROOT

from .test_pseudonym import TEST_KEY

FIXTURE_RAW = PROJECT_ROOT / "python/tests/fixtures/raw"
PNR_SQL = "(^|[^0-9])(19|20)[0-9]{6}[-+]?[0-9]{4}([^0-9]|$)"
# every spelling in a text column: 12 or 10 digits, '-', '+' or nothing before the last four, a date-shaped YYMMDD
# (numbers computed by the models, e.g. allocation key sums, are not text and are scanned with PNR_SQL only)
PNR_TEXT_SQL = "(^|[^0-9])((19|20)?[0-9]{2}(0[1-9]|1[0-2])([0-3][0-9]|[6-8][0-9]|9[01])[-+]?[0-9]{4})([^0-9]|$)"
PNR_FILE = re.compile(rb"(?<![0-9A-Za-z])((?:19|20)\d{6})-?(\d{4})(?![0-9A-Za-z])")
PNR_IN_FIXTURE = re.compile(r"(?<!\d)((?:19|20)\d{6})-?(\d{4})(?!\d)")


def luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def is_real_personnummer(date8: str, last4: str) -> bool:
    year, month, day = int(date8[:4]), int(date8[4:6]), int(date8[6:8])
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return luhn_ok(date8[2:] + last4)


def fixture_personnummer() -> set[str]:
    """Every personnummer written in the fixture files, in both spellings (with and without the dash)."""
    found = set()
    for path in FIXTURE_RAW.rglob("*.csv"):
        text = path.read_bytes().decode("latin-1")
        for date8, last4 in PNR_IN_FIXTURE.findall(text):
            found |= {date8 + last4, f"{date8}-{last4}", f"{date8}+{last4}", date8[2:] + last4,
                      f"{date8[2:]}-{last4}"}
    return found


def known_personnummer(built) -> set[str]:
    """The fixture files' personnummer and those the generator planted in invalid rows (listed in its marker file)."""
    found = fixture_personnummer()
    marker = json.loads((built.raw / "_syntetiska_data.json").read_text(encoding="utf-8"))
    for row in marker.get("planted_invalid", []):
        if row.get("column") == "personnummer" and row.get("value"):
            found |= {row["value"], row["value"].replace("-", "")}
    return found


def test_fixtures_hold_personnummer_to_look_for():
    assert {"194203151230", "19420315-1230", "198112189876"} <= fixture_personnummer()


def relations(built) -> list[tuple[str, str]]:
    return built.rows("select table_schema, table_name from information_schema.tables "
                      "where table_catalog = current_database()")


def test_no_personnummer_in_any_relation_or_column(built):
    literals = sorted(known_personnummer(built) | {DEMO_KEY, TEST_KEY})
    hits = []
    for schema, table in relations(built):
        columns = built.rows(
            "select column_name, data_type from information_schema.columns where table_schema = ? and table_name = ?",
            [schema, table])
        for column, data_type in columns:
            value = f'cast("{column}" as varchar)'
            pattern = PNR_TEXT_SQL if data_type == "VARCHAR" else PNR_SQL
            literal_test = " or ".join(f"contains({value}, ?)" for _ in literals)
            n = built.scalar(
                f'select count(*) from "{schema}"."{table}" '
                f"where regexp_matches({value}, '{pattern}') or {literal_test}", literals)
            if n:
                hits.append(f"{schema}.{table}.{column}: {n}")
    assert not hits, hits


def test_no_personnummer_column_in_the_database(built):
    assert built.rows("select table_schema, table_name from information_schema.columns "
                      "where column_name ilike '%personnummer%' or column_name ilike 'pnr%'") == []


@pytest.mark.parametrize("folder", ["target", "logs"])
def test_no_personnummer_or_key_in_artifacts_and_logs(built, folder):
    root = getattr(built, folder)
    files = [p for p in root.rglob("*") if p.is_file()]
    assert files, f"{root} is empty"
    literals = [s.encode() for s in sorted(known_personnummer(built) | {DEMO_KEY, TEST_KEY})]
    hits = []
    for path in files:
        data = path.read_bytes()
        hits += [f"{path}: {lit.decode()}" for lit in literals if lit in data]
        hits += [f"{path}: {m.group(0).decode()}" for m in PNR_FILE.finditer(data)
                 if is_real_personnummer(m.group(1).decode(), m.group(2).decode())]
    assert not hits, hits[:20]


def test_karantan_never_stores_a_personnummer_value(built):
    assert built.scalar("select count(*) from staging.karantan where kolumn = 'personnummer'") >= 1
    assert built.scalar("select count(*) from staging.karantan "
                        "where kolumn = 'personnummer' and varde is not null") == 0
