"""Staging: every raw row is either staged or quarantined, Swedish formats parse exactly, bad rows land in
staging.karantan with file, line and column, and the stg_ models deliver the interface of docs/architecture.md.

Uses the session build (`built`, conftest.py): generated demo data plus the hand-written files in fixtures/raw/.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import yaml

from kommunanalys.paths import PROJECT_ROOT

# (kalla_system, kalla_tabell) -> (root, file pattern, stg model); root 'raw' or 'derived'
SOURCE_FILES = {
    ("ekonomi", "huvudbok"): ("raw", "ekonomi/huvudbok*.csv", "stg_ekonomi__huvudbok"),
    ("ekonomi", "budget"): ("raw", "ekonomi/budget*.csv", "stg_ekonomi__budget"),
    ("verksamhet", "insatser"): ("raw", "verksamhet/insatser*.csv", "stg_verksamhet__insatser"),
    ("scb", "befolkning"): ("raw", "scb/befolkning*.csv", "stg_scb__befolkning"),
    ("region", "vardtillfallen"): ("raw", "region/vardtillfallen*.csv", "stg_region__vardtillfallen"),
    ("region", "kva"): ("raw", "region/kva*.csv", "stg_region__kva"),
    ("samsa", "utskrivning"): ("raw", "samsa/utskrivning*.csv", "stg_samsa__utskrivning"),
    ("samsa", "sip"): ("raw", "samsa/sip*.csv", "stg_samsa__sip_handelser"),
    ("granskning", "sip_granskning"): ("raw", "granskning/sip_granskning*.csv", "stg_granskning__sip_granskning"),
    ("tid", "sip_tid"): ("raw", "tid/sip_tid*.csv", "stg_tid__sip_tid"),
    ("enkat", "sip_delaktighet_blad"): ("derived", "enkat/sip_delaktighet_blad.csv", "stg_enkat__sip_delaktighet"),
    ("enkat", "sip_delaktighet_svar"): ("derived", "enkat/sip_delaktighet_svar.csv", "stg_enkat__sip_delaktighet_svar"),
    ("extern", "kolada"): ("raw", "extern/kolada/*.json", "stg_extern__kolada"),
    # issue 23
    ("avvikelser", "avvikelser"): ("raw", "avvikelser/avvikelser*.csv", "stg_avvikelser__avvikelser"),
    ("primarvard", "kontakter"): ("raw", "primarvard/kontakter*.csv", "stg_primarvard__kontakter"),
    ("nationell_enkat", "andelar"): ("raw", "nationell_enkat/andelar*.csv", "stg_nationell_enkat__andelar"),
}

# docs/architecture.md, "Staging interface" (+ kalla_fil, kalla_rad on every model)
INTERFACE = {
    "stg_ekonomi__huvudbok": "kommun_kod period ar manad konto ansvar verksamhet aktivitet projekt motpart belopp huvudbok_rad_id",
    "stg_ekonomi__budget": "kommun_kod ar verksamhet aktivitet belopp",
    "stg_verksamhet__insatser": "kommun_kod person_id kon fodelsedatum period ar manad lokal_insats_kod regi volymtyp volym enhet",
    "stg_scb__befolkning": "kommun_kod ar alder kon antal",
    "stg_region__vardtillfallen": "vardtillfalle_id person_id kon fodelsedatum kommun_kod sjukhus klinik vardform is_akut "
                                  "inskrivning_tid utskrivning_tid huvuddiagnos yttre_orsak",
    "stg_region__kva": "vardkontakt_id person_id kommun_kod datum kva_kod enhet_id halsovalsenhet klinik",
    "stg_samsa__utskrivning": "vardtillfalle_id person_id kommun_kod inskrivningsmeddelande_tid utskrivningsklar_tid "
                              "fast_vardkontakt_tid is_uppdrag_kommunal_hsl has_utskrivningsplan",
    "stg_samsa__sip_handelser": "sip_id person_id kommun_kod handelse handelse_tid enhet_id enhet_typ halsovalsenhet klinik motesform",
    "stg_enkat__sip_delaktighet": "svar_id sip_id kommun_kod datum ar respondent antal_fragor antal_besvarade delaktighetsindex",
    "stg_enkat__sip_delaktighet_svar": "svar_id fraga dimension svar_raw svar",
    "stg_granskning__sip_granskning": "sip_id kommun_kod granskningsdatum ar mal_nr is_specifikt is_matbart is_accepterat "
                                      "is_realistiskt is_tidsatt mal_status ansvar_tydligt samarbete resurser",
    "stg_tid__sip_tid": "kommun_kod huvudman sip_id datum ar yrkesroll minuter",
    "stg_extern__kolada": "kpi kommun_kod ar kon varde antal status",
}

# the hand-written fixture rows that must be quarantined: (file, line, column, text the reason must contain)
FIXTURE_QUARANTINE = [
    ("verksamhet/insatser_fixture.csv", 3, "personnummer", "personnummer: fel kontrollsiffra"),
    ("verksamhet/insatser_fixture.csv", 4, "volym", "volym: negativ (-3)"),
    ("verksamhet/insatser_fixture.csv", 5, "kommun_kod", "kommun_kod: saknas"),
    ("region/vardtillfallen_fixture.csv", 3, "utskrivning_tid", "utskrivning_tid: ogiltig tidpunkt '2024-13-01 10:00'"),
    # a personnummer in the wrong column: quarantined, but neither the reason nor the value shows it
    ("verksamhet/insatser_fixture.csv", 7, "kommun_kod", "kommun_kod: liknar ett personnummer (värdet visas inte)"),
]


def encodings() -> dict[str, str]:
    """The configured encoding per source system (dbt_project.yml, var encoding)."""
    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    return project["vars"]["encoding"]


def count_data_rows(path: Path, encoding: str) -> int:
    """Data rows of a delivered file, counted independently of DuckDB: CSV rows after the header (blank lines do not
    count), or for a Kolada JSON response the values (data point x gender)."""
    if path.suffix == ".json":
        doc = json.loads(path.read_text(encoding="utf-8"))
        return sum(len(point.get("values") or []) for point in doc["values"])
    python_encoding = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    with path.open(encoding=python_encoding, newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";") if any(cell.strip() for cell in row)]
    return len(rows) - 1


def delivered_files(built) -> list[tuple[str, str, str, Path, str]]:
    """(kalla_system, kalla_tabell, kalla_fil, path, encoding) for every file the sources read in this build."""
    enc = encodings()
    out = []
    for (system, tabell), (root, pattern, _) in SOURCE_FILES.items():
        base = built.raw if root == "raw" else built.derived
        for path in sorted(base.glob(pattern)):
            out.append((system, tabell, path.relative_to(base).as_posix(), path, enc.get(system, "utf-8")))
    return out


def test_every_delivered_file_is_read(built):
    files = delivered_files(built)
    assert len({(s, t) for s, t, *_ in files}) == len(SOURCE_FILES), "the demo should deliver every kind of file"
    read = {(s, t, f) for s, t, f in built.rows("select kalla_system, kalla_tabell, kalla_fil from staging.radavstamning")}
    missing = [(s, t, f) for s, t, f, path, enc in files if count_data_rows(path, enc) and (s, t, f) not in read]
    assert not missing


def test_raw_rows_equal_staged_plus_quarantined_per_file(built):
    """The reconciliation of the contract, for every file: counted here with the csv module (independently of
    DuckDB), and compared with radavstamning, the stg_ model and karantan."""
    recon = {(s, t, f): (raw, used, quar) for s, t, f, raw, used, quar in built.rows(
        "select kalla_system, kalla_tabell, kalla_fil, raw_rader, anvanda_rader, karantan_rader "
        "from staging.radavstamning")}
    quarantined = {(s, t, f): n for s, t, f, n in built.rows(
        "select kalla_system, kalla_tabell, kalla_fil, count(*) from staging.karantan group by all")}
    problems = []
    for system, tabell, fil, path, enc in delivered_files(built):
        n_raw = count_data_rows(path, enc)
        stg = SOURCE_FILES[(system, tabell)][2]
        if stg == "stg_enkat__sip_delaktighet":  # its kalla_fil is the raw survey file; the derived line is in base
            n_used = built.scalar("select count(*) from staging.base_enkat__sip_delaktighet "
                                  "where harledd_fil = ? and karantan_orsak is null", [fil])
        else:
            n_used = built.scalar(f"select count(*) from staging.{stg} where kalla_fil = ?", [fil])
        n_quar = quarantined.get((system, tabell, fil), 0)
        if n_raw != n_used + n_quar:
            problems.append(f"{fil}: raw {n_raw} != staged {n_used} + quarantined {n_quar}")
        if recon.get((system, tabell, fil), (0, 0, 0)) != (n_raw, n_used, n_quar):
            problems.append(f"{fil}: radavstamning {recon.get((system, tabell, fil))} != {(n_raw, n_used, n_quar)}")
    assert not problems, "\n".join(problems)


def test_radavstamning_identity_holds(built):
    assert built.scalar("select count(*) from staging.radavstamning") > 0
    assert built.scalar("select count(*) from staging.radavstamning "
                        "where raw_rader <> anvanda_rader + karantan_rader") == 0


def test_survey_sheets_trace_back_to_raw_survey_lines(built):
    """The runner scores every sheet of the raw survey files: each raw line is one sheet with its kalla_fil/rad."""
    enc = encodings()["enkat"]
    for path in sorted(built.raw.glob("enkat/sip_delaktighet*.csv")):
        fil = path.relative_to(built.raw).as_posix()
        n = built.scalar("select count(*) from staging.base_enkat__sip_delaktighet where kalla_fil = ?", [fil])
        assert n == count_data_rows(path, enc), fil
    assert built.scalar("select count(*) - count(distinct kalla_fil || ':' || kalla_rad) "
                        "from staging.stg_enkat__sip_delaktighet") == 0


@pytest.mark.parametrize("model", sorted(INTERFACE))
def test_stg_model_has_exactly_the_interface_columns(built, model):
    have = [r[0] for r in built.rows(
        "select column_name from information_schema.columns where table_schema = 'staging' and table_name = ? "
        "order by ordinal_position", [model])]
    assert have == INTERFACE[model].split() + ["kalla_fil", "kalla_rad"]


def test_latin1_ledger_loads_with_swedish_letters_and_exact_decimals(built):
    fixture = PROJECT_ROOT / "python/tests/fixtures/raw/ekonomi/huvudbok_fixture.csv"
    assert "Söder".encode("latin-1") in fixture.read_bytes(), "the fixture must be written in Latin-1"
    rows = built.rows(
        "select kalla_rad, kommun_kod, period, ar, manad, konto, ansvar, verksamhet, aktivitet, projekt, motpart, belopp "
        "from staging.stg_ekonomi__huvudbok where kalla_fil = 'ekonomi/huvudbok_fixture.csv' order by kalla_rad")
    assert rows == [
        (2, "0880", "202403", 2024, 3, "5011", "Hemtjänst Söder", "51010", "Omvårdnad äldre", None, None,
         Decimal("1234.56")),
        (3, "0880", "202403", 2024, 3, "5011", "Hemtjänst Söder", "51010", "Städ och tvätt", "Projekt Ängsö",
         "Växjö kommun", Decimal("-0.05")),
        (4, "0881", "202311", 2023, 11, "5011", "Hemtjänst Åby", "51010", None, None, None, Decimal("100.00")),
    ]
    assert built.scalar(
        "select data_type from information_schema.columns where table_schema = 'staging' "
        "and table_name = 'stg_ekonomi__huvudbok' and column_name = 'belopp'") == "DECIMAL(18,2)"
    assert built.scalar("select huvudbok_rad_id from staging.stg_ekonomi__huvudbok "
                        "where kalla_fil = 'ekonomi/huvudbok_fixture.csv' and kalla_rad = 2") \
        == "ekonomi/huvudbok_fixture.csv:2"


def test_decimal_comma_volume_and_derived_person_columns(built):
    rows = built.rows(
        "select kalla_rad, volym, kon, fodelsedatum, regi, volymtyp, ar, manad from staging.stg_verksamhet__insatser "
        "where kalla_fil = 'verksamhet/insatser_fixture.csv' order by kalla_rad")
    assert rows == [
        (2, Decimal("12.5000"), "man", dt.date(1942, 3, 15), "egen", "beviljad", 2024, 3),
        # a samordningsnummer: day 71 -> 11 March; second-to-last digit 4 -> kvinna
        (6, Decimal("2.2500"), "kvinna", dt.date(1945, 3, 11), "extern", "beviljad", 2023, 11),
    ]
    assert built.scalar("select is_samordningsnummer from staging.base_verksamhet__insatser "
                        "where kalla_fil = 'verksamhet/insatser_fixture.csv' and kalla_rad = 6") is True


@pytest.mark.parametrize("fil, rad, kolumn, orsak", FIXTURE_QUARANTINE)
def test_bad_fixture_row_is_quarantined_with_file_line_and_column(built, fil, rad, kolumn, orsak):
    rows = built.rows("select kolumn, orsak, varde from staging.karantan where kalla_fil = ? and kalla_rad = ?",
                      [fil, rad])
    assert len(rows) == 1, rows
    got_kolumn, got_orsak, varde = rows[0]
    assert got_kolumn == kolumn
    assert got_orsak.startswith(kolumn + ":") and orsak in got_orsak
    if kolumn == "personnummer" or "personnummer" in orsak:
        assert varde is None
    stg = "stg_verksamhet__insatser" if fil.startswith("verksamhet") else "stg_region__vardtillfallen"
    assert built.scalar(f"select count(*) from staging.{stg} where kalla_fil = ? and kalla_rad = ?", [fil, rad]) == 0


def test_rows_the_generator_planted_as_invalid_are_quarantined(built):
    marker = json.loads((built.raw / "_syntetiska_data.json").read_text(encoding="utf-8"))
    planted = marker.get("planted_invalid", [])
    for row in planted:
        got = built.rows("select kolumn from staging.karantan where kalla_fil = ? and kalla_rad = ?",
                         [row["file"], row["line"]])
        assert got == [(row["column"],)], row["file"] + ":" + str(row["line"])


def test_usable_fixture_rows_are_staged(built):
    assert built.scalar("select count(*) from staging.stg_region__vardtillfallen "
                        "where kalla_fil = 'region/vardtillfallen_fixture.csv'") == 1
    row = built.rows("select huvuddiagnos, yttre_orsak, is_akut, utskrivning_tid from staging.stg_region__vardtillfallen "
                     "where vardtillfalle_id = 'FX-VT-1'")
    assert row == [("S720", "W01", True, dt.datetime(2024, 3, 10, 11, 0))]


def test_kolada_values_are_unnested_as_exact_decimals(built):
    files = sorted(built.raw.glob("extern/kolada/*.json"))
    assert files
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    point = doc["values"][0]
    value = point["values"][0]
    got = built.rows(
        "select varde, antal from staging.stg_extern__kolada where kalla_fil = ? and kpi = ? and kommun_kod = ? "
        "and ar = ? and kon = ?",
        [files[0].relative_to(built.raw).as_posix(), point["kpi"], point["municipality"], int(point["period"]),
         value["gender"]])
    expected = None if value["value"] is None else Decimal(str(value["value"])).quantize(Decimal("0.0001"))
    assert got == [(expected, value.get("count"))]


def test_optional_sources_build_empty_relations(tmp_path):
    """granskning, tid, the runner's survey files and Kolada are optional: without files the models build empty,
    with the same columns, instead of failing."""
    raw, derived = tmp_path / "raw", tmp_path / "derived"
    raw.mkdir()
    derived.mkdir()
    (raw / "_syntetiska_data.json").write_text('{"synthetic": true}', encoding="utf-8")
    optional = ["stg_granskning__sip_granskning", "stg_tid__sip_tid", "stg_enkat__sip_delaktighet",
                "stg_enkat__sip_delaktighet_svar", "stg_extern__kolada"]
    result = isolated_dbt(tmp_path, ["run", "--select", *[f"+{m}" for m in optional]], raw, derived)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "is built empty" in result.stdout
    con = duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True)
    try:
        for model in optional:
            assert con.execute(f"select count(*) from staging.{model}").fetchone()[0] == 0
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'staging' "
                "and table_name = ? order by ordinal_position", [model]).fetchall()]
            assert cols == INTERFACE[model].split() + ["kalla_fil", "kalla_rad"]
    finally:
        con.close()


def isolated_dbt(base: Path, args: list[str], raw: Path, derived: Path | None = None,
                 key: str | None = None) -> subprocess.CompletedProcess:
    """Run dbt in a subprocess with its own database, target and log folders under base, so that nothing leaks into
    the session build or this process's environment. key: the pseudonymisation key (None: no key)."""
    env = {k: v for k, v in os.environ.items() if k != "DBT_ENV_SECRET_KOMMUNANALYS_KEY"}
    env.update({
        "KOMMUNANALYS_RAW_ROOT": str(raw.resolve()),
        "KOMMUNANALYS_DERIVED_ROOT": str((derived or base / "derived").resolve()),
        "KOMMUNANALYS_DB": str((base / "db.duckdb").resolve()),
        "DBT_TARGET_PATH": str((base / "target").resolve()),
        "DBT_LOG_PATH": str((base / "logs").resolve()),
    })
    if key is not None:
        env["DBT_ENV_SECRET_KOMMUNANALYS_KEY"] = key
    dbt = shutil.which("dbt", path=str(Path(sys.executable).parent)) or "dbt"
    return subprocess.run([dbt, *args, "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT)],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900)


def isolated_tables(base: Path) -> list[str]:
    """The names of the tables in the database of an isolated_dbt run under base (opened read-only; the database
    must exist): for the tests that a failed build leaves a model unbuilt."""
    con = duckdb.connect(str(base / "db.duckdb"), read_only=True)
    try:
        return [name for (name,) in con.execute("select table_name from information_schema.tables").fetchall()]
    finally:
        con.close()
