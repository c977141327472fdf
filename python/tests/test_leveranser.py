"""Real deliveries (issue 9): bad input never disappears, is never counted twice and never misleads in silence.

- the pre-read check (kommunanalys.leverans): encodings, ragged rows, quotes, delimiters — unit tests, no dbt;
- small dbt runs of the staging base models on hand-written files (personnummer in every spelling, plausibility,
  Windows-1252 and UTF-8 in a Latin-1 source, a person-level file that fails to parse);
- one build of the demo with re-delivered and duplicated rows, compared with the session's clean build;
- builds from only the KPB, only the UKD and only the SIP files (the runner's `build`, with its summary).

Every bad-input class is listed in docs/felaktiga_leveranser.md with the test that shows it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from kommunanalys.leverans import LeveransFel, granska_fil, granska_kalla
from kommunanalys.paths import PROJECT_ROOT

from .test_pii import PNR_FILE, is_real_personnummer
from .test_staging import isolated_dbt, isolated_tables

KEY = "test-nyckel-leveranser"
LEDGER_HEADER = "kommun_kod;period;konto;ansvar;verksamhet;aktivitet;projekt;motpart;belopp"
INSATS_HEADER = "kommun_kod;personnummer;period;lokal_insats_kod;regi;volymtyp;volym;enhet"
# a valid personnummer (date and Luhn) written in every spelling the contract and free text may bring
PNR12 = "194203151230"
SPELLINGS = ["194203151230", "19420315-1230", "19420315+1230", "4203151230", "420315-1230", "420315+1230"]


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


# --- the pre-read check, without dbt -------------------------------------------------------------------------

def check(tmp_path: Path, name: str, lines: list[str], encoding: str = "utf-8", configured: str = "utf-8",
          columns: str = "a,b,c") -> dict:
    write(tmp_path / name, lines, encoding)
    return json.loads(granska_kalla(str(tmp_path / name), configured, columns, str(tmp_path), str(tmp_path / "kopia")))


def test_ragged_row_names_file_line_and_field_count_never_the_content(tmp_path):
    got = check(tmp_path, "x.csv", ["a;b;c", "1;2;3", f"{PNR12};2;3;4", "5;6"])
    assert got["filer"] == []
    assert got["fel"] == ["x.csv: fel antal fält: rad 3: 4 fält, rubriken har 3; rad 4: 2 fält, rubriken har 3"]
    assert PNR12 not in json.dumps(got)


def test_unterminated_quote_names_the_line_where_it_opens(tmp_path):
    got = check(tmp_path, "q.csv", ["a;b;c", "1;2;3", '4;"5;6', "7;8;9"])
    assert got["fel"] == ['q.csv: rad 3: citattecken (") som aldrig stängs']


def test_wrong_delimiter_is_named(tmp_path):
    got = check(tmp_path, "d.csv", ["a,b,c", "1,2,3"])
    assert got["fel"] == ["d.csv: rad 1: fel avgränsare: rubriken är avgränsad med ',' (komma), kontraktet kräver ';'"]


def test_missing_header_column_is_named_without_showing_the_header(tmp_path):
    got = check(tmp_path, "h.csv", [f"{PNR12};2;3", "1;2;3"])  # a file delivered without its header
    assert got["fel"] == ["h.csv: rad 1: rubriken saknar kolumn(erna) a, b, c (avgränsare ';'; saknas rubrikraden?)"]
    assert PNR12 not in got["fel"][0]


def test_quoted_delimiter_is_one_field(tmp_path):
    got = check(tmp_path, "ok.csv", ["a;b;c", '1;"två; tre";3'])
    assert got["fel"] == [] and [f["fil"] for f in got["filer"]] == ["ok.csv"]


def test_latin1_where_utf8_is_configured_is_an_error_with_the_line(tmp_path):
    got = check(tmp_path, "l.csv", ["a;b;c", "1;2;3", "Söder;2;3"], encoding="latin-1")
    assert got["fel"] == ["l.csv: rad 3: inte giltig UTF-8 (kodningen utf-8 i vars.encoding); filen ser ut att vara "
                          "Latin-1/Windows-1252: ändra vars.encoding eller leverera UTF-8"]


def test_utf8_where_latin1_is_configured_is_read_as_utf8(tmp_path):
    got = check(tmp_path, "u.csv", ["a;b;c", "Försäkringskassan;–;3"], configured="latin-1")
    assert got["fel"] == [] and got["filer"][0]["kodning"] == "utf-8"
    assert got["filer"][0]["las"] == str(tmp_path / "u.csv")


def test_windows1252_characters_in_latin1_are_read_through_a_utf8_copy(tmp_path):
    got = check(tmp_path, "w.csv", ["a;b;c", "Söder;€ 5 – 6;3"], encoding="cp1252", configured="latin-1")
    assert got["fel"] == []
    copy = Path(got["filer"][0]["las"])
    assert copy == tmp_path / "kopia" / "w.csv" and got["filer"][0]["kodning"] == "utf-8"
    assert copy.read_text(encoding="utf-8") == "a;b;c\nSöder;€ 5 – 6;3\n"


def test_byte_undefined_in_windows1252_is_an_error(tmp_path):
    (tmp_path / "b.csv").write_bytes(b"a;b;c\n1;\x81;3\n")
    with pytest.raises(LeveransFel, match=r"b\.csv: rad 2: byte 0x81"):
        granska_fil(tmp_path / "b.csv", "b.csv", "latin-1", ["a", "b", "c"], None)


# --- staging base models on hand-written files (dbt in a subprocess) ---------------------------------------

def scan_for_personnummer(paths: list[Path], texts: list[str], ten_digits: bool = False) -> list[str]:
    """The literal spellings of the test's personnummer and every real twelve-digit personnummer (date + Luhn) in
    files and texts; with ten_digits also every real ten-digit one (too common by chance in hashes and binary
    artifacts to scan files for: there the literal spellings are looked for)."""
    hits = []
    ten_digit = re.compile(rb"(?<![0-9])(\d{6})[-+]?(\d{4})(?![0-9])")
    blobs = [(str(p), p.read_bytes()) for p in paths if p.is_file()] + [(f"text{i}", t.encode()) for i, t in
                                                                         enumerate(texts)]
    for name, data in blobs:
        hits += [f"{name}: {s}" for s in SPELLINGS if s.encode() in data]
        for m in PNR_FILE.finditer(data):
            if is_real_personnummer(m.group(1).decode(), m.group(2).decode()):
                hits.append(f"{name}: {m.group(0).decode()}")
        for m in (ten_digit.finditer(data) if ten_digits else []):
            six, four = m.group(1).decode(), m.group(2).decode()
            if is_real_personnummer("19" + six, four):
                hits.append(f"{name}: {m.group(0).decode()}")
    return hits


@pytest.fixture(scope="module")
def staging_on_hand_written_files(tmp_path_factory):
    """Hand-written deliveries read by the base models of ekonomi and verksamhet (with a key: not the demo)."""
    base = tmp_path_factory.mktemp("handskrivna")
    raw = base / "raw"
    write(raw / "ekonomi/huvudbok_a_utf8.csv", [LEDGER_HEADER, "0880;202403;5011;Hemtjänst – Söder;51010;;;"
                                                "Försäkringskassan;100,50"], "utf-8")
    write(raw / "ekonomi/huvudbok_b_cp1252.csv", [LEDGER_HEADER, "0880;202404;5011;Åby;51010;Avgift € – kvartal;;;"
                                                  "-7,25"], "cp1252")
    rows = [INSATS_HEADER]
    for i, spelling in enumerate(SPELLINGS):  # lines 2-7: a personnummer typed into the unit name
        rows.append(f"0880;19420315-1230;2024{i + 1:02d};HTJ-OMV;egen;beviljad;1;Hemtjänst {spelling} Söder")
    rows += [
        "0880;19420315-1230;202403;SÄBO-PERM;egen;utford;744;Solgården",  # line 8: hours delivered as dygn
        "0880;19420315-1230;202404;SÄBO-PERM;egen;utford;30;Solgården",   # line 9: plausible (30 days)
        "0880;19420315-1230;202404;SÄBO-PERM;egen;utford;30;Solgården",   # line 10: exact duplicate of line 9
        "0880;19420315-1230;203101;HTJ-OMV;egen;beviljad;4;Hemtjänst",    # line 11: after the delivery
        "0880;19420315-1230;202405;HTJ-OMV;egen;beviljad;745;Hemtjänst",  # line 12: more hours than May has
        "0880;19420315-1230;202402;SFB-PA;egen;utford;696,25;Assistans",  # line 13: 29 days x 24 h = 696 h < 696,25
        "0880;19420315-1230;202406;SFB-PA;egen;utford;720;Assistans",     # line 14: plausible (30 x 24 = 720 h)
        "0880;19420315-1230;202404;LSS10;egen;utford;31;Dalen",           # line 15: 31 days in April (30 days)
        "0880;19420315-1230;202404;DAGV;egen;utford;30;Träffen",          # line 16: plausible (one per day)
        "0880;19420315-1230;202404;LSS7;egen;utford;31;Fritids",          # line 17: plausible (the unit's 3 per day)
    ]
    write(raw / "verksamhet/insatser_x.csv", rows)
    result = isolated_dbt(base, ["build", "--select", "+base_ekonomi__huvudbok", "+base_verksamhet__insatser",
                                 "--exclude", "test_type:data", "--vars", "{leveransdatum: '2026-11-30'}"], raw,
                          key=KEY)
    assert result.returncode == 0, result.stdout[-3000:]
    con = duckdb.connect(str(base / "db.duckdb"), read_only=True)
    yield base, con, result
    con.close()


def quarantine(con, table: str, fil: str) -> dict[int, tuple[str, str]]:
    return {r: (k, o) for r, k, o in con.execute(
        f"select kalla_rad, karantan_kolumn, karantan_orsak from staging.{table} "
        "where kalla_fil = ? and karantan_orsak is not null", [fil]).fetchall()}


def test_utf8_and_windows1252_in_a_latin1_source_read_correctly(staging_on_hand_written_files):
    _, con, result = staging_on_hand_written_files
    rows = con.execute("select kalla_fil, ansvar, aktivitet, motpart, belopp from staging.base_ekonomi__huvudbok "
                       "order by kalla_fil").fetchall()
    assert rows == [
        ("ekonomi/huvudbok_a_utf8.csv", "Hemtjänst – Söder", None, "Försäkringskassan", Decimal("100.50")),
        ("ekonomi/huvudbok_b_cp1252.csv", "Åby", "Avgift € – kvartal", None, Decimal("-7.25")),
    ]
    assert "huvudbok_a_utf8.csv: kodningen är latin-1 i vars.encoding men filen är giltig UTF-8" in result.stdout


def test_personnummer_in_a_unit_name_in_every_spelling_is_quarantined_with_the_column(staging_on_hand_written_files):
    _, con, _ = staging_on_hand_written_files
    got = quarantine(con, "base_verksamhet__insatser", "verksamhet/insatser_x.csv")
    for line in range(2, 8):
        assert got[line] == ("enhet", "enhet: liknar ett personnummer (värdet visas inte)"), line
    assert con.execute("select count(*) from staging.base_verksamhet__insatser where enhet like '%Hemtjänst %Söder%'"
                       ).fetchone()[0] == 0


def test_no_relation_holds_a_personnummer_in_any_spelling(staging_on_hand_written_files):
    _, con, _ = staging_on_hand_written_files
    hits = []
    for schema, table in con.execute("select table_schema, table_name from information_schema.tables").fetchall():
        for (column,) in con.execute("select column_name from information_schema.columns where table_schema = ? "
                                     "and table_name = ?", [schema, table]).fetchall():
            values = [v for (v,) in con.execute(f'select distinct cast("{column}" as varchar) from "{schema}"."{table}"'
                                                ).fetchall() if v]
            hits += [f"{schema}.{table}.{column}: {h}" for h in scan_for_personnummer([], values, ten_digits=True)]
    assert not hits, hits


def test_implausible_volumes_and_future_periods_are_quarantined_with_the_reason(staging_on_hand_written_files):
    _, con, _ = staging_on_hand_written_files
    got = quarantine(con, "base_verksamhet__insatser", "verksamhet/insatser_x.csv")
    # March has 31 days: at most 31 dygn; May 31 days x 24 hours = 744 hours
    assert got[8] == ("volym", "volym: orimligt värde (744): mer än 31 dygn per person, insats och månad "
                               "(stg_rimlighetsgranser)")
    assert got[12] == ("volym", "volym: orimligt värde (745): mer än 744 timme per person, insats och månad "
                                "(stg_rimlighetsgranser)")
    # personlig assistans: at most the month's hours (February 2024: 29 x 24 = 696); dagverksamhet and daglig
    # verksamhet at most one day per calendar day (April: 30), korttidstillsyn keeps the unit's limit (3 x 30 = 90)
    assert got[13] == ("volym", "volym: orimligt värde (696,25): mer än 696 timme per person, insats och månad "
                                "(stg_rimlighetsgranser)")
    assert got[15] == ("volym", "volym: orimligt värde (31): mer än 30 dag per person, insats och månad "
                                "(stg_rimlighetsgranser)")
    assert got[11] == ("period", "period: efter leveransdatum 2026-11-30 (203101)")
    assert got[10] == ("kommun_kod", "dubblett: samma nyckel (kommun_kod, person_id, period, lokal_insats_kod, regi, "
                                     "volymtyp, enhet) som rad 9")
    assert 9 not in got
    assert sorted(got) == [2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 15]


BROKEN = {
    "ragged": ([INSATS_HEADER, "0880;19420315-1230;202403;HTJ-OMV;egen;beviljad;1;Söder",
                "0880;19420315-1230;202403;HTJ-OMV;egen;beviljad;1;Söder;extra"],
               "verksamhet/insatser_trasig.csv: fel antal fält: rad 3: 9 fält, rubriken har 8"),
    "quote": ([INSATS_HEADER, '0880;19420315-1230;202403;HTJ-OMV;egen;beviljad;1;"Söder',
               "0880;19420315-1230;202404;HTJ-OMV;egen;beviljad;1;Söder"],
              'verksamhet/insatser_trasig.csv: rad 2: citattecken (\\") som aldrig stängs'),
    "delimiter": ([INSATS_HEADER.replace(";", ","), "0880,19420315-1230,202403,HTJ-OMV,egen,beviljad,1,Söder"],
                  "verksamhet/insatser_trasig.csv: rad 1: fel avgränsare"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_person_level_file_that_fails_to_parse_names_file_and_line_and_leaks_no_personnummer(tmp_path, case):
    lines, message = BROKEN[case]
    raw = tmp_path / "raw"
    write(raw / "verksamhet/insatser_trasig.csv", lines)
    result = isolated_dbt(tmp_path, ["build", "--select", "+base_verksamhet__insatser", "--exclude",
                                     "test_type:data"], raw, key=KEY)
    assert result.returncode != 0
    assert message.replace('\\"', '"') in result.stdout.replace('\\"', '"')
    files = [p for folder in ("target", "logs") for p in (tmp_path / folder).rglob("*")]
    assert files
    assert scan_for_personnummer(files, [result.stdout, result.stderr]) == []
    assert "base_verksamhet__insatser" not in isolated_tables(tmp_path)


# --- re-deliveries and duplicates in a build of the demo ---------------------------------------------------

def _lines(path: Path, encoding: str) -> list[str]:
    return path.read_bytes().decode(encoding).splitlines()


@pytest.fixture(scope="module")
def redelivered(tmp_path_factory):
    """The session's demo (same seed and fixtures) plus: a month of the ledger delivered again in a later file, an
    exact duplicate ledger row and population row appended, an episode of 2023 delivered again in a later file, a
    survey sheet with an invalid answer. Built in-process; the environment is restored afterwards."""
    from kommunanalys.dbt import dbt_env, run_dbt
    from kommunanalys.enkat import score_surveys
    from kommunanalys.generator import generate
    from kommunanalys.syntetisk import register_synthetic

    from .conftest import FIXTURES, TEST_KOMMUNER, TEST_SEED, TEST_YEARS

    base = tmp_path_factory.mktemp("omleverans")
    raw, derived, db = base / "raw", base / "derived", base / "test.duckdb"
    generate(out=raw, kommuner=TEST_KOMMUNER, years=TEST_YEARS, scale="demo", seed=TEST_SEED)
    shutil.copytree(FIXTURES / "raw", raw, dirs_exist_ok=True)
    ledger = _lines(raw / "ekonomi/huvudbok_2024.csv", "latin-1")
    month = [line for line in ledger[1:] if line.startswith("0880;202406;")]
    write(raw / "ekonomi/huvudbok_2024_06_omleverans.csv", [ledger[0]] + month, "latin-1")
    ledger23 = _lines(raw / "ekonomi/huvudbok_2023.csv", "latin-1")
    write(raw / "ekonomi/huvudbok_2023.csv", ledger23 + [ledger23[1]], "latin-1")
    pop = (raw / "scb/befolkning_2024.csv").read_text(encoding="utf-8-sig").splitlines()
    write(raw / "scb/befolkning_2024.csv", pop + [pop[1]])
    episodes = _lines(raw / "region/vardtillfallen_2023.csv", "utf-8")
    write(raw / "region/vardtillfallen_2024_omleverans.csv", [episodes[0], episodes[5]])
    survey = _lines(raw / "enkat/sip_delaktighet_2024.csv", "utf-8-sig")
    bad = survey[1].split(";")
    bad[0], bad[5] = "ZZ-1", "7"
    write(raw / "enkat/sip_delaktighet_zz.csv", [survey[0], ";".join(bad)])
    added = ["ekonomi/huvudbok_2024_06_omleverans.csv", "ekonomi/huvudbok_2023.csv", "scb/befolkning_2024.csv",
             "region/vardtillfallen_2024_omleverans.csv", "enkat/sip_delaktighet_zz.csv"]
    register_synthetic(raw, added + [p.relative_to(FIXTURES / "raw").as_posix()
                                     for p in (FIXTURES / "raw").rglob("*") if p.is_file()])
    score_surveys(raw_root=raw, derived_root=derived)
    saved = dict(os.environ)
    try:
        dbt_env(raw, derived, db)
        os.environ["DBT_TARGET_PATH"] = str(base / "target")
        os.environ["DBT_LOG_PATH"] = str(base / "logs")
        run_dbt(["build", "--vars", "{utfall_komplett_allvarlighet: error}"], progress=False)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    con = duckdb.connect(str(db))
    yield {"con": con, "month_rows": len(month), "episode": episodes[5].split(";")[0]}
    con.close()


def test_a_month_delivered_again_is_not_counted_twice(built, redelivered):
    con = redelivered["con"]
    clean = built.rows("select * from kpb.avstamning order by all")
    assert clean and con.execute("select * from kpb.avstamning order by all").fetchall() == clean
    total = "select sum(belopp) from staging.stg_ekonomi__huvudbok"
    assert con.execute(total).fetchone()[0] == built.scalar(total)
    recon = dict(((f), (raw, used, quar, repl, by)) for f, raw, used, quar, repl, by in con.execute(
        "select kalla_fil, raw_rader, anvanda_rader, karantan_rader, ersatta_rader, ersatt_av_filer "
        "from staging.radavstamning where kalla_tabell = 'huvudbok'").fetchall())
    n = redelivered["month_rows"]
    raw24 = built.scalar("select raw_rader from staging.radavstamning where kalla_fil = 'ekonomi/huvudbok_2024.csv'")
    assert recon["ekonomi/huvudbok_2024.csv"] == (raw24, raw24 - n, 0, n, "ekonomi/huvudbok_2024_06_omleverans.csv")
    assert recon["ekonomi/huvudbok_2024_06_omleverans.csv"] == (n, n, 0, 0, None)


def test_exact_duplicate_ledger_and_population_rows_are_quarantined_not_summed(built, redelivered):
    con = redelivered["con"]
    raw23 = built.scalar("select raw_rader from staging.radavstamning where kalla_fil = 'ekonomi/huvudbok_2023.csv'")
    got = con.execute("select kalla_rad, kolumn, orsak from staging.karantan where kalla_fil in "
                      "('ekonomi/huvudbok_2023.csv', 'scb/befolkning_2024.csv') order by kalla_fil").fetchall()
    assert got == [
        (raw23 + 2, "kommun_kod", "dubblett: samma nyckel (kommun_kod, period, konto, ansvar, verksamhet, aktivitet, "
                                  "projekt, motpart) som rad 2"),
        (406, "kommun_kod", "dubblett: samma nyckel (kommun_kod, ar, alder, kon) som rad 2"),
    ]
    population = "select sum(antal) from staging.stg_scb__befolkning"
    assert con.execute(population).fetchone()[0] == built.scalar(population)


def test_the_same_episode_in_two_files_is_counted_once(built, redelivered):
    con = redelivered["con"]
    vt = redelivered["episode"]
    assert con.execute("select kalla_fil from staging.stg_region__vardtillfallen where vardtillfalle_id = ?",
                       [vt]).fetchall() == [("region/vardtillfallen_2024_omleverans.csv",)]
    for table in ("staging.stg_region__vardtillfallen", "indikatorer.utskrivningsklara_vardtillfalle",
                  "indikatorer.betalningsansvar"):
        assert con.execute(f"select count(*) from {table}").fetchone()[0] == built.scalar(
            f"select count(*) from {table}"), table
    assert con.execute("select ersatta_rader, ersatt_av_filer from staging.radavstamning "
                       "where kalla_fil = 'region/vardtillfallen_2023.csv'").fetchall() == [
        (1, "region/vardtillfallen_2024_omleverans.csv")]
    assert con.execute("select count(*) from staging.radavstamning "
                       "where raw_rader <> anvanda_rader + karantan_rader + ersatta_rader").fetchone()[0] == 0


def test_a_survey_sheet_with_an_invalid_answer_is_quarantined_and_the_build_goes_on(built, redelivered):
    con = redelivered["con"]
    got = con.execute("select kolumn, orsak from staging.karantan where kalla_tabell = 'sip_delaktighet_blad'"
                      ).fetchall()
    assert got == [("fel", "enkat/sip_delaktighet_zz.csv: line 2, column f1: invalid answer '7' (expected 1-5, "
                           "or 0, empty or 'vet ej' for no answer)")]
    assert con.execute("select count(*) from indikatorer.utfall").fetchone()[0] == built.scalar(
        "select count(*) from indikatorer.utfall")


# --- builds from one area's files, through the runner ------------------------------------------------------

AREA_FILES = {
    "kpb": ("ekonomi/huvudbok", "verksamhet/", "scb/"),
    "ukd": ("region/vardtillfallen", "samsa/utskrivning"),
    "sip": ("samsa/sip", "enkat/", "granskning/", "tid/"),
}
AREA_MARTS = {"kpb": ["kpb.avstamning", "kpb.brukarkostnad"],
              "ukd": ["indikatorer.utskrivningsklara_vardtillfalle", "indikatorer.betalningsansvar"],
              "sip": ["indikatorer.sip_antal"]}


def runner(args: list[str], base: Path, key: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMMUNANALYS_", "DBT_"))}
    env.update({"DBT_TARGET_PATH": str(base / "target"), "DBT_LOG_PATH": str(base / "logs"),
                "KOMMUNANALYS_BUILD_DIR": str(base / "build"), "COLUMNS": "400"})
    if key:
        env["DBT_ENV_SECRET_KOMMUNANALYS_KEY"] = key
    exe = Path(sys.executable).parent / "kommunanalys"
    return subprocess.run([str(exe), *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    from kommunanalys.generator import generate

    from .conftest import TEST_KOMMUNER, TEST_SEED, TEST_YEARS

    out = tmp_path_factory.mktemp("generated") / "raw"
    generate(out=out, kommuner=TEST_KOMMUNER, years=TEST_YEARS, scale="demo", seed=TEST_SEED)
    return out


@pytest.fixture(scope="module", params=sorted(AREA_FILES))
def area_build(request, generated, tmp_path_factory):
    area = request.param
    base = tmp_path_factory.mktemp(f"omrade_{area}")
    raw = base / "leverans"
    raw.mkdir()
    shutil.copy(generated / "_syntetiska_data.json", raw)
    for path in generated.rglob("*.csv"):
        rel = path.relative_to(generated).as_posix()
        if rel.startswith(AREA_FILES[area]):
            (raw / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, raw / rel)
    result = runner(["build", "--raw", str(raw), "--db", str(base / "db.duckdb")], base)
    return area, base, result


def test_each_area_builds_from_its_own_files_alone(area_build):
    area, base, result = area_build
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    con = duckdb.connect(str(base / "db.duckdb"), read_only=True)
    try:
        for other, marts in AREA_MARTS.items():
            for mart in marts:
                n = con.execute(f"select count(*) from {mart}").fetchone()[0]
                assert (n > 0) == (other == area), f"{area} build: {mart} has {n} rows"
    finally:
        con.close()
    assert (base / "leverans_derived" / "enkat" / "sip_delaktighet_blad.csv").exists()  # derived follows raw
    summary = result.stderr
    expected = {"kpb": ["KPB: built", "UKD/samverkan: NOT built (no file: region/vardtillfallen, samsa/utskrivning)",
                        "SIP: NOT built (no file: samsa/sip)"],
                "ukd": ["KPB: NOT built (no file: ekonomi/huvudbok, verksamhet/insatser)", "UKD/samverkan: built"],
                "sip": ["SIP: built", "KPB: NOT built (no file: ekonomi/huvudbok, verksamhet/insatser)"]}[area]
    for line in expected:
        assert line in summary, summary[-3000:]
    con = duckdb.connect(str(base / "db.duckdb"), read_only=True)
    try:
        saknas = {(i, p): (t, k) for i, p, t, k in con.execute(
            "select indikator_id, period_typ, orsak_typ, saknade_kallor from indikatorer.utfall_saknas").fetchall()}
        n_utfall = con.execute("select count(*) from indikatorer.utfall").fetchone()[0]
    finally:
        con.close()
    # the summary says how many indicators could not be computed for want of a delivery, and where they are listed
    n_kalla_saknas = len({i for (i, _), (t, _) in saknas.items() if t == "kalla_saknas"})
    # ... naming every missing source once, in order (each indicator's row lists its own)
    kallor = sorted({s.strip() for t, k in saknas.values() if t == "kalla_saknas" for s in k.split(",")})
    assert (f"Indicators not computed, a delivery missing: {n_kalla_saknas} ({', '.join(kallor)})"
            " - listed in indikatorer.utfall_saknas") in summary, summary[-3000:]
    if area == "kpb":
        # KPB only: ekonomi/huvudbok, verksamhet/insatser and scb/befolkning delivered, nothing else: no indicator
        # has a value, and each is listed for every period type of its catalogue row with what it lacks
        assert n_utfall == 0
        assert saknas == {(i, p): (("ej_berakningsbar", None) if k is None else ("kalla_saknas", k))
                          for i, k in UTAN_KPB_KALLOR.items() for p in KATALOG_PERIODTYPER[i]}
    else:
        own = {"ukd": ["UKD_SOMATIK_MEDEL", "UKD_PSYK_MEDEL", "FAST_VARDKONTAKT"],
               "sip": ["SIP_STARTADE", "SIP_MAL_SMART", "SIP_KOSTNAD_ADMIN"]}[area]
        assert n_utfall > 0 and not [i for i, _ in saknas if i in own]
        # the KPB-dependent SIP cost is missing in the SIP build for want of the ledger and the volumes
        if area == "sip":
            assert saknas[("SIP_KOSTNAD_DIREKT", "ar")] == ("kalla_saknas", "ekonomi/huvudbok, verksamhet/insatser")


# what each indicator lacks in a KPB-only build (seed indikator_kallor minus ekonomi/huvudbok, verksamhet/insatser,
# scb/befolkning); None: not computable at all (catalogue demo_berakningsbar false)
UKD = "region/vardtillfallen, samsa/utskrivning"
UTAN_KPB_KALLOR = {
    "UKD_SOMATIK_MEDEL": UKD, "UKD_PSYK_MEDEL": UKD, "UKD_NATIONELL": UKD, "UKD_DAGAR_PER_1000_65": UKD,
    "INSKRIVNINGSMEDDELANDE_24H": UKD, "FAST_VARDKONTAKT": UKD, "UTSKRIVNINGSPLAN": UKD,
    "ATERINSKRIVNING_30D_65": "region/vardtillfallen",
    "SIP_STARTADE": "samsa/sip", "SIP_UPPRATTADE": "samsa/sip", "SIP_UPPFOLJDA": "samsa/sip",
    "SIP_AVSLUTADE": "samsa/sip", "SIP_OPPNA": "samsa/sip", "GNV_DISTANSMOTEN": "samsa/sip",
    "SIP_KVA_MOTEN": "region/kva",
    "SIP_DELAKTIGHET_HOG": "enkat/sip_delaktighet_blad", "SIP_DELAKTIGHET_MEDEL": "enkat/sip_delaktighet_blad",
    "SIP_ENKAT_TOPP2": "enkat/sip_delaktighet_blad", "SIP_ENKAT_ANTAL_SVAR": "enkat/sip_delaktighet_blad",
    "SIP_MAL_SMART": "granskning/sip_granskning", "SIP_MAL_UPPNADDA": "granskning/sip_granskning",
    "SIP_ANSVAR_TYDLIGT": "granskning/sip_granskning", "SIP_SAMARBETE": "granskning/sip_granskning",
    "SIP_RESURSER": "granskning/sip_granskning",
    "SIP_KOSTNAD_DIREKT": "samsa/sip", "SIP_KOSTNAD_PER_PERSON": "samsa/sip",
    "SIP_KOSTNAD_ADMIN": "tid/sip_tid", "SIP_KOSTNAD_PER_UPPNATT_MAL": "granskning/sip_granskning, tid/sip_tid",
    "SIP_VARDDAGAR_FORANDRING": "region/vardtillfallen, samsa/sip",
    "SIP_VARDKOSTNAD_FORANDRING": "region/vardtillfallen, samsa/sip",
    "SIP_AKUTDAGAR_PER_TKR": "region/vardtillfallen, samsa/sip, tid/sip_tid",
    "SIP_BUDGETUTFALL": "ekonomi/budget",
    "GNV_FALLSKADOR_65": "region/vardtillfallen", "GNV_FALL_SLUTENVARD_80": "region/vardtillfallen",
    "GNV_VARDTILLFALLEN_ALDERSSTAND": "region/vardtillfallen", "GNV_PAVERKBAR_SLUTENVARD_65": "region/vardtillfallen",
    "GNV_FALLSKADOR_65_KOSTNAD": "region/vardtillfallen",
    "GNV_PAVERKBAR_SLUTENVARD_65_KOSTNAD": "region/vardtillfallen",
    "GNV_DISTANSMOTEN_PLANERING": None,
    "AVV_ANTAL": "avvikelser/avvikelser",
    "AVV_PER_1000_UTSKRIVNINGAR": "avvikelser/avvikelser, region/vardtillfallen, samsa/utskrivning",
    "GNV_BEDOMNING_VC_3_DYGN": "primarvard/kontakter", "GNV_LAKARBESOK_HEMMET": "primarvard/kontakter",
    "GNV_LAKARE_SABO_VID_BEHOV": "primarvard/kontakter",
    "GNV_ENKAT_VARD_KVALL_HELG": "nationell_enkat/andelar", "GNV_ENKAT_SAMORDNAR_KONTAKTER": "nationell_enkat/andelar",
    "GNV_ENKAT_FORTROENDE_HSV": "nationell_enkat/andelar", "GNV_ENKAT_LAKARE_VARDPLAN": "nationell_enkat/andelar",
    "GNV_ENKAT_VARDAS_HEMMA_DIGITALT": "nationell_enkat/andelar",
    "UPPLEVD_DELAKTIGHET_PATIENTENKAT": "nationell_enkat/andelar",
}
KATALOG_PERIODTYPER = {r["indikator_id"]: r["period_typer"].split("|") for r in csv.DictReader(
    (PROJECT_ROOT / "seeds/indikatorer/indikator_katalog.csv").open(encoding="utf-8"))}


# --- the runner tells the truth ----------------------------------------------------------------------------

def assert_one_line_failure(result: subprocess.CompletedProcess, text: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and text in lines[0], result.stderr[-2000:]


def test_build_with_a_raw_folder_that_does_not_exist_refuses_and_writes_nothing(tmp_path):
    result = runner(["build", "--raw", str(tmp_path / "finns_inte"), "--db", str(tmp_path / "db" / "x.duckdb")],
                    tmp_path)
    assert_one_line_failure(result, "does not exist")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_real_files_in_a_demo_folder_are_not_pseudonymised_with_the_demo_key(tmp_path, generated):
    raw = tmp_path / "raw"
    shutil.copytree(generated, raw)
    write(raw / "verksamhet/insatser_riktig.csv", [INSATS_HEADER, "0880;19420315-1230;202403;HTJ-OMV;egen;beviljad;1;"])
    result = runner(["build", "--raw", str(raw), "--db", str(tmp_path / "x.duckdb")], tmp_path)
    assert_one_line_failure(result, "verksamhet/insatser_riktig.csv")
    assert not (tmp_path / "derived").exists() and not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("command", ["report", "export"])
def test_report_and_export_refuse_a_database_that_does_not_exist(tmp_path, command):
    result = runner([command, "--db", str(tmp_path / "stavfel.duckdb")], tmp_path)
    assert_one_line_failure(result, "stavfel.duckdb does not exist")
    assert not (tmp_path / "stavfel.duckdb").exists()


def test_first_dbt_error_is_printed_on_one_line_and_a_selection_that_matches_nothing_fails(tmp_path):
    raw = tmp_path / "raw"
    write(raw / "ekonomi/huvudbok_x.csv", [LEDGER_HEADER, "0880;202403;5011;A;51010;;;;1;2"], "latin-1")
    # the file is read in base_ekonomi__huvudbok_per_fil, the model the deliveries are resolved in reads that
    broken = runner(["build", "--raw", str(raw), "--db", str(tmp_path / "x.duckdb"), "--select",
                     "+base_ekonomi__huvudbok"], tmp_path, key=KEY)
    assert_one_line_failure(broken, "base_ekonomi__huvudbok_per_fil")
    assert "ekonomi/huvudbok_x.csv: fel antal fält: rad 2: 10 fält, rubriken har 9" in broken.stderr
    nothing = runner(["build", "--raw", str(raw), "--db", str(tmp_path / "x.duckdb"), "--select",
                      "ingen_sadan_modell"], tmp_path, key=KEY)
    assert_one_line_failure(nothing, "matches no model, seed or test")


def test_a_survey_file_that_cannot_be_read_is_a_one_line_error(tmp_path):
    raw = tmp_path / "raw"
    write(raw / "enkat/sip_delaktighet_x.csv", ["svar_id;sip_id;kommun_kod;datum;respondent;f1",
                                                "A1;S1;0880;2024-01-01;individ;5;4"])
    result = runner(["score-survey", "--raw", str(raw)], tmp_path)
    assert_one_line_failure(result, "enkat/sip_delaktighet_x.csv: fel antal fält: rad 2: 7 fält, rubriken har 6")
