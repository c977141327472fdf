"""The demo's files in the forms real sources deliver (issue 21): the ledger as SIE type 4E or 3 (one file per
municipality and year, ekonomi/huvudbok_<year>_<kommun>.se, CP437 as #FORMAT PC8), the population as PxWebApi 2
json-stat2 (scb/befolkning_<year>.json, TAB638's shape) and Kolada as v3 pages (extern/kolada/<kpi>_sida<NN>.json
with next_url / previous_url). Each is written from the CSV / v2 file the generator wrote, which it replaces, so the
same simulation gives the same money, people and comparison values whichever form is chosen.

SIE: one voucher per month and account class of the municipality, dated the 1st; each ledger row becomes two
#TRANS lines (the first dated the 15th, the second without a date: the voucher's), whose amounts sum to the row's to
the öre; a counter-entry on 1930 (bank, class 1: not kontoutfall) balances each voucher; #RES gives each result
account's year total. Dimensions as the seed sie_dimensioner maps them: 1 ansvar, 20 verksamhet, 21 aktivitet,
6 projekt, 22 motpart. Type 3 instead: #PSALDO per month, account and full object list (every mapped dimension,
an empty code written as ""), beside the subtotal lines per ansvar, per verksamhet and {} that real files repeat
the same money on.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

DIMENSIONER = (("1", "ansvar"), ("20", "verksamhet"), ("21", "aktivitet"), ("6", "projekt"), ("22", "motpart"))
FORMER = {"huvudbok": ("csv", "sie4e", "sie3"), "befolkning": ("csv", "jsonstat2"), "kolada": ("v2", "v3")}


def orgnr(kommun_kod: str) -> str:
    """The demo municipality's organisationsnummer as in seeds/gemensam/kommuner.csv (column orgnr)."""
    return f"212000-{kommun_kod}"


def _citat(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _rader(path: Path, encoding: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding=encoding)), delimiter=";"))


def _sie3_rader(rader: list[dict], res: dict[str, Decimal]) -> list[str]:
    """Type 3: per month and account the full object list (every mapped dimension; an empty code as ""), and the
    subtotals real files carry beside it: per ansvar alone, per verksamhet alone and {} (the account's month)."""
    full, per_ansvar, per_verksamhet, tom = {}, defaultdict(Decimal), defaultdict(Decimal), defaultdict(Decimal)
    for rad in rader:
        belopp = Decimal(rad["belopp"].replace(",", "."))
        res[rad["konto"]] += belopp
        objekt = " ".join(f"{nr} {_citat(rad[namn])}" for nr, namn in DIMENSIONER)
        full[(rad["period"], rad["konto"], objekt)] = belopp
        per_ansvar[(rad["period"], rad["konto"], f'1 {_citat(rad["ansvar"])}')] += belopp
        per_verksamhet[(rad["period"], rad["konto"], f'20 {_citat(rad["verksamhet"])}')] += belopp
        tom[(rad["period"], rad["konto"], "")] += belopp
    lines = []
    for grupp in (full, per_ansvar, per_verksamhet, tom):
        lines += [f"#PSALDO 0 {period} {konto} {{{objekt}}} {summa}" for (period, konto, objekt), summa in grupp.items()]
    lines += [f"#PSALDO 0 {period} 1930 {{}} {-summa}" for (period, _, _), summa in tom.items()]
    return lines


def huvudbok_som_sie(out: Path, relative: str, typ: str = "sie4e") -> list[str]:
    """ekonomi/huvudbok_<year>.csv (Latin-1) -> one SIE file (type 4E, or 3 with balances per object) per
    municipality; returns the files written."""
    path = out / relative
    year = relative.rsplit("_", 1)[1][:4]
    per_kommun: dict[str, list[dict]] = defaultdict(list)
    for rad in _rader(path, "latin-1"):
        per_kommun[rad["kommun_kod"]].append(rad)
    written = []
    for kommun, rader in sorted(per_kommun.items()):
        lines = ["#FLAGGA 0", '#PROGRAM "kommunanalys demo" 1', "#FORMAT PC8", f"#GEN {year}1231",
                 f"#SIETYP {3 if typ == 'sie3' else 4}",
                 f"#ORGNR {orgnr(kommun)}", _citat(f"Demokommun {kommun} - \"syntetisk\"").join(["#FNAMN ", ""]),
                 f"#RAR 0 {year}0101 {year}1231", '#KPTYP "Kommun-Bas"']
        lines += [f"#DIM {nr} {_citat(namn.capitalize())}" for nr, namn in DIMENSIONER]
        res: dict[str, Decimal] = defaultdict(Decimal)
        vouchers: dict[str, list[str]] = defaultdict(list)
        saldon = _sie3_rader(rader, res) if typ == "sie3" else []
        for rad in rader if typ != "sie3" else []:
            belopp = Decimal(rad["belopp"].replace(",", "."))
            res[rad["konto"]] += belopp
            objekt = " ".join(f"{nr} {_citat(rad[namn])}" for nr, namn in DIMENSIONER if rad[namn])
            forsta = (belopp / 3).quantize(Decimal("0.01"))
            period = rad["period"]
            vouchers[period].append(f"   #TRANS {rad['konto']} {{{objekt}}} {forsta} {period}15 \"Ränta \\\"del 1\\\"\"")
            vouchers[period].append(f"   #TRANS {rad['konto']} {{{objekt}}} {belopp - forsta}")
            vouchers[period].append(f"   #TRANS 1930 {{}} {-belopp}")
        lines += [f"#RES 0 {konto} {summa}" for konto, summa in sorted(res.items())] + saldon
        for nr, (period, trans) in enumerate(sorted(vouchers.items()), start=1):
            lines += [f"#VER A {nr} {period}01 \"Månadens bokföring\"", "{"] + trans + ["}"]
        target = f"ekonomi/huvudbok_{year}_{kommun}.se"
        (out / target).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp437", errors="replace"))
        written.append(target)
    path.unlink()
    return written


def befolkning_som_jsonstat(out: Path, relative: str) -> str:
    """scb/befolkning_<year>.csv -> scb/befolkning_<year>.json, TAB638 in json-stat2 with the 'tot' ages."""
    path = out / relative
    rader = _rader(path, "utf-8-sig")
    regioner = sorted({r["kommun_kod"] for r in rader})
    ar = sorted({r["ar"] for r in rader})
    aldrar = [str(a) for a in range(100)] + ["100+", "tot"]
    antal = {(r["kommun_kod"], r["alder"], r["kon"], r["ar"]): int(r["antal"]) for r in rader}
    values = []
    for region in regioner:
        for alder in aldrar:
            for kon in ("1", "2"):
                for tid in ar:
                    if alder == "tot":
                        values.append(sum(antal.get((region, str(a), kon, tid), 0) for a in range(101)))
                    else:
                        values.append(antal.get((region, "100" if alder == "100+" else alder, kon, tid)))
    doc = {"version": "2.0", "class": "dataset", "label": "Folkmängden per region, ålder, kön och år",
           "source": "SCB (syntetisk demo)", "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
           "size": [len(regioner), len(aldrar), 2, 1, len(ar)],
           "dimension": {
               "Region": {"label": "region", "category": {"index": {k: i for i, k in enumerate(regioner)},
                                                          "label": {k: f"{k} Demokommun" for k in regioner}}},
               "Alder": {"label": "ålder", "category": {"index": {k: i for i, k in enumerate(aldrar)}}},
               "Kon": {"label": "kön", "category": {"index": {"1": 0, "2": 1}, "label": {"1": "män", "2": "kvinnor"}}},
               "ContentsCode": {"label": "tabellinnehåll", "category": {"index": {"000003O5": 0},
                                                                        "label": {"000003O5": "Folkmängd"}}},
               "Tid": {"label": "år", "category": {"index": {t: i for i, t in enumerate(ar)}}}},
           "value": values}
    target = relative[:-4] + ".json"
    (out / target).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    path.unlink()
    return target


def kolada_som_v3(out: Path, relative: str, per_sida: int = 5) -> list[str]:
    """extern/kolada/<kpi>.json (v2) -> v3 pages of per_sida data points linked by next_url / previous_url."""
    path = out / relative
    doc = json.loads(path.read_text(encoding="utf-8"))
    kpi = path.stem
    url = f"https://api.kolada.se/v3/data/kpi/{kpi}"
    punkter = [dict(p, values=[dict(v, status="", isdeleted=False) for v in p["values"]]) for p in doc["values"]]
    sidor = [punkter[i:i + per_sida] for i in range(0, len(punkter), per_sida)] or [[]]
    written = []
    for nr, sida in enumerate(sidor, start=1):
        page = {"count": len(sida),
                "next_url": f"{url}?page={nr + 1}&per_page={per_sida}" if nr < len(sidor) else None,
                "previous_url": f"{url}?page={nr - 1}&per_page={per_sida}" if nr > 1 else None,
                "values": sida}
        target = f"{relative[:-5]}_sida{nr:02d}.json"
        (out / target).write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(target)
    path.unlink()
    return written


def kontrollera(huvudbok: str, befolkning: str, kolada: str) -> None:
    for namn, varde in (("huvudbok", huvudbok), ("befolkning", befolkning), ("kolada", kolada)):
        if varde not in FORMER[namn]:
            raise ValueError(f"{namn}: '{varde}' (välj {' eller '.join(FORMER[namn])})")


def omforma(out: Path, stats: dict[str, int], huvudbok: str = "csv", befolkning: str = "csv",
            kolada: str = "v2") -> dict[str, int]:
    """Rewrites the chosen files in their other form; returns {file: rows of the file it was written from}."""
    kontrollera(huvudbok, befolkning, kolada)
    ny = {}
    for relative, rows in stats.items():
        if huvudbok != "csv" and relative.startswith("ekonomi/huvudbok_"):
            ny.update({f: rows for f in huvudbok_som_sie(out, relative, huvudbok)})
        elif befolkning == "jsonstat2" and relative.startswith("scb/befolkning_"):
            ny[befolkning_som_jsonstat(out, relative)] = rows
        elif kolada == "v3" and relative.startswith("extern/kolada/"):
            ny.update({f: rows for f in kolada_som_v3(out, relative)})
        else:
            ny[relative] = rows
    return ny
