"""The SIE reader (python/kommunanalys/sie.py) on hand-written files in the shapes of the SIE format description
(4B/4C): CP437 with å/ä/ö, \\" inside quoted strings, a voucher with several #TRANS on one account, #RTRANS/#BTRANS,
subtotal #PSALDO lines, balance accounts; and the errors that name file and line (issue 21). The expected rows are
computed by hand from the fixture files in fixtures/sie/."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kommunanalys import sie
from kommunanalys.leverans import granska_kalla

SIE = Path(__file__).parent / "fixtures" / "sie"
ORGNR = {"212000-0880": "0880"}
DIMS = [{"kommun_kod": "*", "dim_nr": "1", "kolumn": "ansvar"},
        {"kommun_kod": "*", "dim_nr": "20", "kolumn": "verksamhet"}]


def rows(name: str, dims=DIMS) -> list[tuple]:
    read = sie.kontoutfall(sie.las(SIE / name, f"ekonomi/{name}"), ORGNR, dims)
    return [(r["kommun_kod"], r["period"], r["konto"], r["ansvar"], r["verksamhet"], r["projekt"],
             Decimal(r["belopp"]), r["leverans_rad"]) for r in read]


def test_fields_quotes_escapes_and_object_lists():
    assert sie.falt('5010 {1 "100" 20 "5 10"} -12.50 "" "Lön \\"jan\\"" 1.0') == \
        ["5010", ["1", "100", "20", "5 10"], "-12.50", "", 'Lön "jan"', "1.0"]
    assert sie.falt('"A" 1 20240115\t"text med  mellanslag"') == ["A", "1", "20240115", "text med  mellanslag"]
    assert sie.falt("3010 {} 5") == ["3010", [], "5"]


def test_type_4e_sums_trans_per_month_of_their_date_without_balance_accounts():
    # voucher A1 (20240115): 5010 1000.00 without a date -> January; 5010 250.50 dated 20240203 -> February;
    # #BTRANS 99.00 (removed line) not counted; #RTRANS + its #TRANS on 1930 (bank, class 1) not kontoutfall.
    # voucher A2 (20240205): 3010 -500.00 (project 6 "P1" not mapped: summed over); 1510 (class 1) not kontoutfall.
    assert rows("bok_4e.se") == [
        ("0880", "202401", "5010", "100", "510", "", Decimal("1000.00"), 23),
        ("0880", "202402", "5010", "100", "510", "", Decimal("250.50"), 24),
        ("0880", "202402", "3010", "100", "510", "", Decimal("-500.00"), 31),
    ]


def test_a_municipality_row_replaces_the_star_row_and_project_is_mapped():
    dims = DIMS + [{"kommun_kod": "*", "dim_nr": "6", "kolumn": "projekt"},
                   {"kommun_kod": "0880", "dim_nr": "20", "kolumn": "aktivitet"}]
    assert sie.dimensioner("0880", dims) == {"1": "ansvar", "20": "aktivitet", "6": "projekt"}
    got = rows("bok_4e.se", dims)
    assert [(r[2], r[4], r[5]) for r in got] == [("5010", "", ""), ("5010", "", ""), ("3010", "", "P1")]


def test_type_4i_without_totals_uses_the_voucher_date():
    assert rows("lon_4i.si") == [("0880", "202403", "5010", "100", "510", "", Decimal("400.00"), 7)]


def test_type_3_reads_only_the_lines_with_exactly_the_mapped_dimensions():
    # 202401 5010: {1 100 20 510} 1000 + {1 200 20 510} 300; the subtotals {1 ...}, {20 ...} and {} are not added;
    # 202402 3010 -500; the balance account 1930 and the previous year (-1) are not read.
    assert rows("saldo_3.se") == [
        ("0880", "202401", "5010", "100", "510", "", Decimal("1000.00"), 8),
        ("0880", "202401", "5010", "200", "510", "", Decimal("300.00"), 9),
        ("0880", "202402", "3010", "100", "510", "", Decimal("-500.00"), 14),
    ]


def test_type_3_whose_subtotals_do_not_match_fails_with_account_period_and_amount():
    text = (SIE / "saldo_3.se").read_bytes().replace(b'{1 "200" 20 "510"} 300.00', b'{1 "200" 20 "510"} 310.00')
    path = SIE.parent.parent / "_tmp_saldo.se"
    try:
        path.write_bytes(text)
        with pytest.raises(sie.SieFel) as err:
            sie.kontoutfall(sie.las(path, "ekonomi/s.se"), ORGNR, DIMS)
    finally:
        path.unlink()
    assert str(err.value) == ("ekonomi/s.se: rad 13: filens summa för konto 5010 period 202401 är 1300.00 men "
                              "objektsaldona (#PSALDO) med dimensionerna 1 20 summerar till 1310.00 (skillnad -10.00)")


def test_totals_that_do_not_match_the_vouchers_fail_naming_account_and_amount():
    with pytest.raises(sie.SieFel) as err:
        sie.kontoutfall(sie.las(SIE / "fel_summa.se", "ekonomi/fel_summa.se"), ORGNR, DIMS)
    assert str(err.value) == ("ekonomi/fel_summa.se: rad 20: filens summa för konto 5010 är 1300.00 men "
                              "verifikationerna (#TRANS) summerar till 1250.50 (skillnad 49.50)")


def test_a_file_in_another_encoding_than_declared_names_the_line():
    # Windows-1252 'Ä' (0xC4) in "#OBJEKT 1 "100" "Äldreomsorg öst"" on line 13
    with pytest.raises(sie.SieFel, match=r"^ekonomi/fel_kodning.se: rad 13: byte 0xC4 .*annan kodning"):
        sie.las(SIE / "fel_kodning.se", "ekonomi/fel_kodning.se")


@pytest.mark.parametrize("text, line, message", [
    (b"kommun_kod;period\n0880;202401\n", 1, "inte en SIE-fil"),
    (b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20240101 \"ofullst\xe4ndig\n", 3, "byte 0xE4"),
    (b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20240101 \"text\n", 3, "citattecken som aldrig stängs"),
    (b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20240101\n{\n#TRANS 5010 {1 \"100\" 1000.00\n}\n", 5, "objektlista"),
    (b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20240101\n{\n#TRANS 5010 {} 1000,00\n}\n", 5, "inte ett tal"),
    (b"#FLAGGA 0\n#SIETYP 4\n#VER A 1 20240101\n{\n#TRANS 5010 {} 10.00\n", 3, "stängs aldrig"),
    (b"#FLAGGA 0\n#FORMAT UTF8\n", 2, "#FORMAT ska vara PC8"),
    (b"#FLAGGA 0\nhej\n", 2, "ingen SIE-post"),
])
def test_broken_files_name_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "x.se"
    path.write_bytes(text)
    with pytest.raises(sie.SieFel) as err:
        sie.las(path, "ekonomi/x.se")
    assert str(err.value).startswith(f"ekonomi/x.se: rad {line}: ")
    assert message in str(err.value)


def test_unknown_orgnr_is_named():
    with pytest.raises(sie.SieFel, match=r"^ekonomi/bok_4e.se: rad 6: organisationsnumret 212000-0880 finns inte"):
        sie.kontoutfall(sie.las(SIE / "bok_4e.se", "ekonomi/bok_4e.se"), {}, DIMS)


def test_the_pre_read_check_converts_sie_beside_csv_with_the_sie_lines(tmp_path):
    raw = tmp_path / "raw" / "ekonomi"
    raw.mkdir(parents=True)
    (raw / "bok_4e.se").write_bytes((SIE / "bok_4e.se").read_bytes())
    (raw / "huvudbok_2024.csv").write_text("kommun_kod;period;konto;ansvar;verksamhet;belopp\n", encoding="utf-8")
    konfig = json.dumps({"orgnr": ORGNR, "dimensioner": DIMS})
    svar = json.loads(granska_kalla(f"{raw}/huvudbok*.csv|{raw}/*.se", "latin-1",
                                    "kommun_kod,period,konto,ansvar,verksamhet,belopp",
                                    str(tmp_path / "raw"), str(tmp_path / "kopior"), konfig))
    assert svar["fel"] == []
    assert [(f["fil"], f.get("rad_kolumn")) for f in svar["filer"]] == [
        ("ekonomi/bok_4e.se", "leverans_rad"), ("ekonomi/huvudbok_2024.csv", None)]
    csv_text = Path(svar["filer"][0]["las"]).read_text(encoding="utf-8").splitlines()
    assert csv_text[0] == "kommun_kod;period;konto;ansvar;verksamhet;aktivitet;projekt;motpart;belopp;leverans_rad"
    assert csv_text[1] == "0880;202401;5010;100;510;;;;1000.00;23"
    (raw / "fel_summa.se").write_bytes((SIE / "fel_summa.se").read_bytes())
    svar = json.loads(granska_kalla(f"{raw}/*.se", "latin-1", "kommun_kod", str(tmp_path / "raw"),
                                    str(tmp_path / "kopior"), konfig))
    assert svar["fel"] == ["ekonomi/fel_summa.se: rad 20: filens summa för konto 5010 är 1300.00 men "
                           "verifikationerna (#TRANS) summerar till 1250.50 (skillnad 49.50)"]


KEY = "test-nyckel-sie"


def _raw_with(base: Path, files: dict[str, bytes]) -> Path:
    raw = base / "raw"
    for name, data in files.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_bytes(data)
    return raw


def test_staging_reads_sie_beside_csv_with_file_and_line_and_quarantine(tmp_path):
    """Through dbt: a SIE 4E file beside a CSV delivery; the rows keep the SIE file and line; a transaction without
    a verksamhet object is quarantined (ansvar/verksamhet are required), never dropped; raw = used + quarantined."""
    import duckdb

    from .test_staging import isolated_dbt

    sie_text = (SIE / "bok_4e.se").read_bytes().replace(
        b'#TRANS 1510 {} 500.00', b'#TRANS 1510 {} 500.00\r\n   #TRANS 4010 {1 "100"} 7.00\r\n   #TRANS 1930 {} -7.00')
    sie_text = sie_text.replace(b"#RES 0 5010 1250.50", b"#RES 0 5010 1250.50\r\n#RES 0 4010 7.00")
    raw = _raw_with(tmp_path, {
        "ekonomi/bok_4e.se": sie_text,
        "ekonomi/huvudbok_2024.csv": "kommun_kod;period;konto;ansvar;verksamhet;aktivitet;projekt;motpart;belopp\n"
                                     "0881;202401;5010;1;2;;;;3,50\n"
                                     .encode("latin-1"),
    })
    run = isolated_dbt(tmp_path, ["build", "--select", "+base_ekonomi__huvudbok", "--exclude", "test_type:unit"],
                       raw, key=KEY)
    assert run.returncode == 0, run.stdout[-3000:]
    con = duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True)
    try:
        got = con.execute("select kalla_fil, kalla_rad, kommun_kod, period, konto, ansvar, verksamhet, projekt, "
                          "belopp, karantan_orsak from staging.base_ekonomi__huvudbok order by kalla_fil, kalla_rad"
                          ).fetchall()
    finally:
        con.close()
    assert got == [
        # one #RES line more than the fixture before the vouchers: every voucher line is one further down
        ("ekonomi/bok_4e.se", 24, "0880", "202401", "5010", "100", "510", None, Decimal("1000.00"), None),
        ("ekonomi/bok_4e.se", 25, "0880", "202402", "5010", "100", "510", None, Decimal("250.50"), None),
        ("ekonomi/bok_4e.se", 32, "0880", "202402", "3010", "100", "510", "P1", Decimal("-500.00"), None),
        ("ekonomi/bok_4e.se", 34, "0880", "202402", "4010", "100", None, None, Decimal("7.00"), "verksamhet: saknas"),
        ("ekonomi/huvudbok_2024.csv", 2, "0881", "202401", "5010", "1", "2", None, Decimal("3.50"), None),
    ]


@pytest.mark.parametrize("name, message", [
    ("fel_summa.se", "ekonomi/fel_summa.se: rad 20: filens summa för konto 5010 är 1300.00 men verifikationerna "
                     "(#TRANS) summerar till 1250.50 (skillnad 49.50)"),
    ("fel_kodning.se", "ekonomi/fel_kodning.se: rad 13: byte 0xC4 är inget bokstavstecken i CP437"),
])
def test_a_sie_file_whose_totals_or_encoding_are_wrong_stops_the_build(tmp_path, name, message):
    from .test_staging import isolated_dbt, isolated_tables

    raw = _raw_with(tmp_path, {f"ekonomi/{name}": (SIE / name).read_bytes(),
                               "ekonomi/huvudbok_2024.csv": "kommun_kod;period;konto;ansvar;verksamhet;aktivitet;"
                                                            "projekt;motpart;belopp\n0881;202401;5010;1;2;;;;3\n"
                                                            .encode("latin-1")})
    run = isolated_dbt(tmp_path, ["build", "--select", "+base_ekonomi__huvudbok", "--exclude", "test_type:unit"],
                       raw, key=KEY)
    assert run.returncode != 0
    assert message in run.stdout
    assert [t for t in isolated_tables(tmp_path) if t.startswith("base_ekonomi__huvudbok")] == []


def test_a_sie_file_delivered_later_is_read_incrementally_and_a_corrected_one_replaces_its_rows(tmp_path):
    """The incremental per-file model lists SIE files as it lists CSV files: a new .si file is read on the next
    build, and a re-delivered (changed) .se file replaces its own rows."""
    import duckdb

    from .test_staging import isolated_dbt

    raw = _raw_with(tmp_path, {"ekonomi/bok_4e.se": (SIE / "bok_4e.se").read_bytes()})
    args = ["run", "--select", "+base_ekonomi__huvudbok"]
    assert isolated_dbt(tmp_path, ["seed", "--select", "kommuner", "sie_dimensioner"], raw, key=KEY).returncode == 0
    assert isolated_dbt(tmp_path, args, raw, key=KEY).returncode == 0
    (raw / "ekonomi" / "lon_4i.si").write_bytes((SIE / "lon_4i.si").read_bytes())
    (raw / "ekonomi" / "bok_4e.se").write_bytes((SIE / "bok_4e.se").read_bytes().replace(
        b"#RES 0 3010 -500.00", b"#RES 0 3010 -600.00").replace(b"-500.00\r\n", b"-600.00\r\n"))
    run = isolated_dbt(tmp_path, args, raw, key=KEY)
    assert run.returncode == 0, run.stdout[-3000:]
    con = duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True)
    try:
        got = con.execute("select kalla_fil, period, konto, belopp from staging.base_ekonomi__huvudbok "
                          "where ersatt_av is null order by all").fetchall()
    finally:
        con.close()
    assert got == [("ekonomi/bok_4e.se", "202401", "5010", Decimal("1000.00")),
                   ("ekonomi/bok_4e.se", "202402", "3010", Decimal("-600.00")),
                   ("ekonomi/bok_4e.se", "202402", "5010", Decimal("250.50")),
                   ("ekonomi/lon_4i.si", "202403", "5010", Decimal("400.00"))]
