"""Pseudonymisation: person_id is a keyed hash of the personnummer, the same across municipal and regional data,
different under another key, and a build on data that is not the synthetic demo refuses to run without a key.

The session build (`built`) runs with the documented demo key. The other-key and no-key builds run dbt in a
subprocess in their own folders (test_staging.isolated_dbt), so that no environment change leaks into the session.
"""

from __future__ import annotations

import hashlib
import shutil

import duckdb
import pytest

from kommunanalys.dbt_plugin import DEMO_KEY
from kommunanalys.paths import PROJECT_ROOT

from .test_staging import isolated_dbt, isolated_tables

FIXTURE_RAW = PROJECT_ROOT / "python/tests/fixtures/raw"
TEST_KEY = "testnyckel-som-bara-finns-i-pytest-7f3a9c"
SHARED_PNR = "194203151230"  # valid; in insatser_fixture.csv line 2 (with dash) and vardtillfallen_fixture.csv line 2
OTHER_PNR = "198112189876"  # valid; in both fixture files on rows that are quarantined for other reasons
MODELS = ["stg_verksamhet__insatser", "stg_region__vardtillfallen"]


def expected_person_id(key: str, pnr: str) -> str:
    """The documented construction (macros/pseudonymisering.sql), computed independently in Python."""
    digest = hashlib.sha256(f"{key}|{pnr}".encode()).hexdigest()[:16]
    return digest.translate(str.maketrans("0123456789", "ghijklmnop"))


def fixture_person_ids(con_rows) -> tuple[str, str]:
    insats = con_rows("select person_id from staging.stg_verksamhet__insatser "
                      "where kalla_fil = 'verksamhet/insatser_fixture.csv' and kalla_rad = 2")
    vard = con_rows("select person_id from staging.stg_region__vardtillfallen "
                    "where kalla_fil = 'region/vardtillfallen_fixture.csv' and kalla_rad = 2")
    assert len(insats) == 1 and len(vard) == 1
    return insats[0][0], vard[0][0]


def test_same_personnummer_same_person_id_in_municipal_and_regional_data(built):
    insats, vard = fixture_person_ids(built.rows)
    assert insats == vard
    assert insats == expected_person_id(DEMO_KEY, SHARED_PNR)
    assert len(insats) == 16 and set(insats) <= set("abcdefghijklmnop")


def test_person_id_does_not_depend_on_the_dash(built):
    """'19420315-1230' (insatser) and '194203151230' (vardtillfallen) are the same person."""
    raw_insats = (FIXTURE_RAW / "verksamhet/insatser_fixture.csv").read_text(encoding="utf-8")
    raw_vard = (FIXTURE_RAW / "region/vardtillfallen_fixture.csv").read_text(encoding="utf-8")
    assert "19420315-1230" in raw_insats and ";194203151230;" in raw_vard
    insats, vard = fixture_person_ids(built.rows)
    assert insats == vard


def test_person_id_is_a_table_column_not_a_view(built):
    kinds = dict(built.rows("select table_name, table_type from information_schema.tables "
                            "where table_schema = 'staging' and table_name like 'base_%'"))
    assert kinds and set(kinds.values()) == {"BASE TABLE"}


@pytest.fixture(scope="module")
def other_key_build(tmp_path_factory):
    """Only the fixture files (no marker file: a key is given), only the models this test needs."""
    base = tmp_path_factory.mktemp("annan_nyckel")
    raw = base / "raw"
    shutil.copytree(FIXTURE_RAW, raw)
    result = isolated_dbt(base, ["build", "--exclude", "resource_type:test", "resource_type:unit_test", "--select", *[f"+{m}" for m in MODELS]], raw, key=TEST_KEY)
    assert result.returncode == 0, result.stdout[-3000:]
    return base


def test_another_key_gives_another_person_id(built, other_key_build):
    con = duckdb.connect(str(other_key_build / "db.duckdb"), read_only=True)
    try:
        insats, vard = fixture_person_ids(lambda sql: con.execute(sql).fetchall())
    finally:
        con.close()
    assert insats == vard == expected_person_id(TEST_KEY, SHARED_PNR)
    demo_insats, _ = fixture_person_ids(built.rows)
    assert insats != demo_insats


def test_the_key_is_not_written_by_the_other_key_build(other_key_build):
    for folder in ("target", "logs"):
        for path in (other_key_build / folder).rglob("*"):
            if path.is_file():
                assert TEST_KEY.encode() not in path.read_bytes(), path


def test_build_without_key_on_non_demo_data_refuses(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURE_RAW, raw)
    assert not (raw / "_syntetiska_data.json").exists()
    result = isolated_dbt(tmp_path, ["run", "--select", "base_verksamhet__insatser"], raw, key=None)
    assert result.returncode != 0
    assert "No pseudonymisation key" in result.stdout
    assert "DBT_ENV_SECRET_KOMMUNANALYS_KEY" in result.stdout
    if (tmp_path / "db.duckdb").exists():
        assert "base_verksamhet__insatser" not in isolated_tables(tmp_path)
