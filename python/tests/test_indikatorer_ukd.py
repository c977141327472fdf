"""The indicator framework and utskrivningsklara dagar, checked on the built demo (session fixture `built`).

Day counting and pricing are unit-tested in dbt (models/indicators/intermediate/ukd/_ukd__unit_tests.yml, run by
`dbt build`); here: keys, reconciliations of the payment basis, the output contract, and that the suppression
threshold is a var that changes the outcome.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from kommunanalys.dbt import run_dbt
from kommunanalys.paths import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
CHECK_CONTRACT = SHARED / "tools" / "check_contract.py"

KEYS = {
    "indikatorer.utfall": ["indikator_id", "kommun_kod", "period_typ", "period_start", "dimension", "dimension_varde"],
    "indikatorer.utskrivningsklara_vardtillfalle": ["vardtillfalle_id"],
    "indikatorer.betalningsansvar": ["kommun_kod", "manad", "vardform"],
    "indikatorer.betalningsansvar_individ": ["kommun_kod", "manad", "vardtillfalle_id"],
}


def _copy_db(built, dest: Path) -> Path:
    """A consistent copy of the built database (the fixture's connection keeps the file open)."""
    built.con.execute("checkpoint")
    copy = dest / "kopia.duckdb"
    shutil.copyfile(built.db, copy)
    return copy


@pytest.mark.parametrize("relation", sorted(KEYS))
def test_nyckel_unik(built, relation):
    cols = ", ".join(KEYS[relation])
    assert built.scalar(f"select count(*) from {relation}") > 0, f"{relation} is empty"
    dupes = built.rows(f"select {cols}, count(*) from {relation} group by {cols} having count(*) > 1 limit 5")
    assert dupes == [], f"duplicate keys in {relation}: {dupes}"
    nulls = built.scalar(f"select count(*) from {relation} where " + " or ".join(f"{c} is null" for c in KEYS[relation]))
    assert nulls == 0


def test_betalningsansvar_lika_summa_per_vardtillfalle(built):
    """Σ betalningsansvar = Σ utskrivningsklara_vardtillfalle per municipality and vardform (days, billable days, kr)."""
    diff = built.rows("""
        with m as (
            select kommun_kod, vardform, sum(utskrivningsklara_dagar) d, sum(betalningsdagar) b, sum(betalningsbelopp) k
            from indikatorer.betalningsansvar group by all),
        e as (
            select kommun_kod, vardform, sum(utskrivningsklara_dagar) d, sum(betalningsdagar) b, sum(betalningsbelopp) k
            from indikatorer.utskrivningsklara_vardtillfalle group by all)
        select coalesce(m.kommun_kod, e.kommun_kod), coalesce(m.vardform, e.vardform), m.d, e.d, m.b, e.b, m.k, e.k
        from m full outer join e on m.kommun_kod = e.kommun_kod and m.vardform = e.vardform
        where coalesce(m.d, 0) <> coalesce(e.d, 0) or coalesce(m.b, 0) <> coalesce(e.b, 0)
            or coalesce(m.k, 0) <> coalesce(e.k, 0)
    """)
    assert diff == []
    total = built.scalar("select sum(betalningsbelopp) from indikatorer.betalningsansvar")
    assert total > 0, "the demo should produce some billable days"


def test_individlista_lika_betalningsansvar(built):
    diff = built.rows("""
        with i as (
            select kommun_kod, manad, vardform, count(*) n, sum(utskrivningsklara_dagar) d, sum(betalningsdagar) b,
                   sum(betalningsbelopp) k
            from indikatorer.betalningsansvar_individ group by all)
        select * from indikatorer.betalningsansvar as m
        full outer join i using (kommun_kod, manad, vardform)
        where m.antal_vardtillfallen is distinct from i.n or m.utskrivningsklara_dagar is distinct from i.d
            or m.betalningsdagar is distinct from i.b or m.betalningsbelopp is distinct from i.k
    """)
    assert diff == []


def test_belopp_ar_decimal(built):
    types = dict(built.rows("""
        select table_name || '.' || column_name, data_type from information_schema.columns
        where table_schema = 'indikatorer' and (column_name like '%belopp%' or column_name like '%kostnad%')
          and column_name not like 'is\\_%' escape '\\'
          and table_name in ('utskrivningsklara_vardtillfalle', 'betalningsansvar', 'betalningsansvar_individ')
    """))
    assert types, "no money columns found"
    assert all(t.startswith("DECIMAL(18,2)") for t in types.values()), types


def test_betalning_kraver_bada_meddelanden(built):
    n = built.scalar("""
        select count(*) from indikatorer.utskrivningsklara_vardtillfalle
        where betalningsdagar > 0 and not (has_inskrivningsmeddelande and has_underrattelse)
    """)
    assert n == 0


def test_varje_berakningsbar_indikator_i_utfall(built):
    missing = built.rows("""
        select k.indikator_id from konfig.indikator_katalog k
        where k.demo_berakningsbar
          and not exists (select 1 from indikatorer.utfall u where u.indikator_id = k.indikator_id)
    """)
    assert missing == []
    orphans = built.rows("""
        select distinct u.indikator_id from indikatorer.utfall u
        where not exists (select 1 from konfig.indikator_katalog k where k.indikator_id = u.indikator_id)
    """)
    assert orphans == []


def test_ingen_varde_pa_1_till_4_personer(built):
    n = built.scalar("""
        select count(*) from indikatorer.utfall
        where antal_personer < 5 and (varde is not null or taljare is not null or namnare is not null)
    """)
    assert n == 0
    assert built.scalar("select count(*) from indikatorer.utfall where not is_undertryckt and varde is not null") > 0


def test_check_contract_ukd(built, tmp_path):
    if not CHECK_CONTRACT.exists():
        pytest.skip(f"{CHECK_CONTRACT} is absent (the shared folder is not beside the checkout)")
    copy = _copy_db(built, tmp_path)
    res = subprocess.run([sys.executable, str(CHECK_CONTRACT), str(copy), "ukd"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.strip().splitlines()[-1].startswith("ok:")


def test_undertryckningsgrans_ar_en_var(built, tmp_path):
    """Rebuilding utfall on a copy with a threshold above every antal_personer suppresses every value.

    (1 000 is not enough: population-based indicators of the other area count more persons than that.)"""
    copy = _copy_db(built, tmp_path)
    saved = {k: os.environ.get(k) for k in ("KOMMUNANALYS_DB", "DBT_TARGET_PATH", "DBT_LOG_PATH")}
    os.environ["KOMMUNANALYS_DB"] = str(copy)
    os.environ["DBT_TARGET_PATH"] = str(tmp_path / "target")
    os.environ["DBT_LOG_PATH"] = str(tmp_path / "logs")
    try:
        run_dbt(["run", "--select", "utfall", "--vars", "{undertryck_min_personer: 1000000000}"], progress=False)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    # dbt may still hold the copy open in this process: open it without read_only (see conftest.py)
    con = duckdb.connect(str(copy))
    try:
        total, suppressed, with_value = con.execute("""
            select count(*), count(*) filter (where is_undertryckt), count(varde) from indikatorer.utfall
        """).fetchone()
    finally:
        con.close()
    assert total == built.scalar("select count(*) from indikatorer.utfall")
    assert suppressed == total
    assert with_value == 0
    # the default threshold (5) leaves values in the fixture's database
    assert built.scalar("select count(*) from indikatorer.utfall where not is_undertryckt") > 0
