"""The plain DuckDB script of the KPB core (scripts/kpb_direkt.py, issue 24) gives the project's KPB marts exactly:
run on the test session's raw folder (the generated demo plus the hand-written fixture rows: quarantined
personnummer, negative and implausible volumes, duplicates, replaced deliveries) and compared with the session's
build, every column with its type and every row. The benchmark's plain-script reference depends on it."""

from __future__ import annotations

import sys

import duckdb

from kommunanalys.dbt_plugin import DEMO_KEY
from kommunanalys.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import kpb_direkt  # noqa: E402


def test_direkta_skriptet_ger_projektets_kpb_marts(built, tmp_path):
    db = tmp_path / "direkt.duckdb"
    kpb_direkt.kor(built.raw, db, nyckel=DEMO_KEY)
    rader = [built.scalar(f"select count(*) from kpb.{m}") for m in kpb_direkt.MARTS]
    assert all(rader), rader
    assert kpb_direkt.jamfor(built.con, db) == []
    # the comparison sees a difference of one öre in one row
    with duckdb.connect(str(db)) as con:
        con.execute("update kpb.brukarkostnad set kostnad = kostnad + 0.01 "
                    "where person_id = (select min(person_id) from kpb.brukarkostnad)")
    fel = kpb_direkt.jamfor(built.con, db)
    assert fel and all("kpb.brukarkostnad" in f for f in fel), fel
