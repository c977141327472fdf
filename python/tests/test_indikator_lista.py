"""The explicit indicator list of int_indikator_unionerade and the catalogue must agree: on a temporary copy of the
project, a model left out of the list and a catalogue row removed each make the test indikator_katalog_unionen fail,
and its rows name them. (The session build shows that the unmodified project passes it.)"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from .test_kpb import _bygg_kopia, _kopiera_projekt, _status

UNION = Path("models/indicators/intermediate/ramverk/int_indikator_unionerade.sql")
KATALOG = Path("seeds/indikatorer/indikator_katalog.csv")


def test_utelamnad_modell_och_borttagen_katalograd_faller_testet(built, tmp_path):
    (tmp_path / "projekt").mkdir()
    projekt = _kopiera_projekt(tmp_path / "projekt")
    union = projekt / UNION
    text = union.read_text(encoding="utf-8")
    assert "    ref('int_indikator__fast_vardkontakt'),\n" in text
    union.write_text(text.replace("    ref('int_indikator__fast_vardkontakt'),\n", ""), encoding="utf-8")
    with (projekt / KATALOG).open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, [r for r in reader if r["indikator_id"] != "SIP_OPPNA"]
    with (projekt / KATALOG).open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    res, _ = _bygg_kopia(built, projekt, ["indikator_katalog", "indikator_katalog_unionen"])
    assert _status(res, "indikator_katalog_unionen") == "fail"

    compiled = next((projekt / "target" / "compiled").rglob("indikator_katalog_unionen.sql")).read_text()
    con = duckdb.connect(str(projekt / "kopia.duckdb"))
    try:
        fel = {(modell, orsak) for _, modell, orsak in con.execute(compiled).fetchall()}
    finally:
        con.close()
    assert fel == {
        ("int_indikator__fast_vardkontakt", "katalograden har ingen modell i unionens lista"),
        ("int_indikator__fast_vardkontakt", "modellen är taggad indikator men saknas i unionens lista"),
        ("int_indikator__sip_oppna", "listad modell utan katalograd"),
    }
