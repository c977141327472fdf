"""The configuration seeds edited in Swedish Excel, and back (``export-config`` / ``import-config``).

An economist edits the configuration (translation table, pools, local codes, payment rules …) in Excel, and Excel
saves what dbt cannot read: "CSV" with ``;`` in Windows-1252 (or UTF-8 with BOM), decimal commas, numbers and
booleans as typed. This module turns what Excel saves into the seeds, deterministically:

- :func:`exportera` writes the current seeds to one workbook (xlsx), a sheet per seed (the sheet is the seed's
  file name), every cell as text so that codes keep their leading zeros (``0880``) and amounts their decimals.
- :func:`importera` reads such a workbook, or a folder of ``<seed>.csv`` files as Excel saves them (``;`` or ``,``;
  UTF-8 with or without BOM, else Windows-1252), **validates everything first** and only then writes the seeds as
  comma CSV in UTF-8 with ``\\n`` line ends. Validation: each sheet/file must be an existing seed with the same
  columns; every value must fit the seed's ``column_types`` (seeds YAML): integer, decimal (a decimal comma becomes a
  point), boolean (``true/false``, ``J/N``, ``ja/nej``, ``1/0`` → ``true``/``false``), date ``YYYY-MM-DD``. A bad
  value is reported as ``<sheet or file>: rad <n>, kolumn <name>: …`` (row 1 = the header, as Excel numbers them);
  all errors are listed, and no seed is written. The written files then pass the existing format check
  (:mod:`kommunanalys.seedkontroll`).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import yaml

from .seedkontroll import kontrollera_seed


class KonfigurationsFel(ValueError):
    """Configuration that cannot become seeds; the message names sheet/file, row and column of every bad value."""


def seed_filer(seed_root: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(seed_root.rglob("*.csv"))}


def kolumntyper(seed_root: Path) -> dict[str, dict[str, str]]:
    """{seed: {column: type}} from the seeds' YAML (config.column_types)."""
    typer: dict[str, dict[str, str]] = {}
    for yml in sorted(seed_root.rglob("*.yml")):
        for seed in (yaml.safe_load(yml.read_text(encoding="utf-8")) or {}).get("seeds", []) or []:
            typer[seed["name"]] = {k: str(v).lower() for k, v in
                                   ((seed.get("config") or {}).get("column_types") or {}).items()}
    return typer


def _las_csv_text(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def exportera(seed_root: Path, mal: Path) -> list[str]:
    """Every seed as a sheet of one workbook (all cells text); returns the sheet names."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    namn = []
    for seed, path in seed_filer(seed_root).items():
        if len(seed) > 31:
            raise KonfigurationsFel(f"{path}: seednamnet är längre än Excels 31 tecken för ett blad")
        ws = wb.create_sheet(seed)
        for rad in _las_csv_text(path):
            ws.append(rad)
            for cell in ws[ws.max_row]:
                cell.number_format = "@"
        namn.append(seed)
    wb.properties.creator = "kommunanalys"
    fixed = datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    mal.parent.mkdir(parents=True, exist_ok=True)
    wb.save(mal)
    return namn


def _cell(v) -> str:
    """A cell as Excel holds it, as text: numbers without float noise, dates ISO, booleans true/false."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = format(Decimal(repr(v)), "f")
        return text[:-2] if text.endswith(".0") else text
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def _las_blad(kalla: Path) -> dict[str, list[list[str]]]:
    """{name: rows} from a workbook (a sheet per seed) or a folder of Excel-saved CSV files."""
    if kalla.is_dir():
        return {p.stem: _las_excel_csv(p) for p in sorted(kalla.glob("*.csv"))}
    from openpyxl import load_workbook

    wb = load_workbook(kalla, read_only=True, data_only=True)
    blad = {}
    for ws in wb.worksheets:
        rader = [[_cell(v) for v in rad] for rad in ws.iter_rows(values_only=True)]
        while rader and not any(c.strip() for c in rader[-1]):
            rader.pop()
        blad[ws.title] = rader
    return blad


def _las_excel_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
    forsta = text.split("\n", 1)[0]
    avgransare = ";" if forsta.count(";") > forsta.count(",") else ","
    return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=avgransare)]


def _typkontroll(typ: str, varde: str) -> tuple[str, str | None]:
    """(the value as the seed holds it, an error text or None)."""
    if varde == "" or typ.startswith(("string", "varchar", "text")) or not typ:
        return varde, None
    v = varde.strip()
    if typ.startswith(("integer", "int", "bigint")):
        return (v, None) if re.fullmatch(r"-?\d+", v) else (varde, "är inte ett heltal")
    if typ.startswith(("decimal", "numeric", "double", "float")):
        v = v.replace(",", ".").replace("\u00a0", "").replace(" ", "")
        return (v, None) if re.fullmatch(r"-?\d+(\.\d+)?", v) else (varde, "är inte ett tal")
    if typ.startswith("bool"):
        sant = {"true": "true", "j": "true", "ja": "true", "1": "true", "sant": "true",
                "false": "false", "n": "false", "nej": "false", "0": "false", "falskt": "false"}
        return (sant[v.lower()], None) if v.lower() in sant else (varde, "är inte sant/falskt (true/false, J/N)")
    if typ.startswith("date"):
        try:
            return date.fromisoformat(v).isoformat(), None
        except ValueError:
            return varde, "är inte ett datum ÅÅÅÅ-MM-DD"
    return varde, None


def importera(kalla: Path, seed_root: Path) -> list[Path]:
    """Validates every sheet/file of `kalla` against the seeds, then writes them; returns the seeds written."""
    befintliga, typer = seed_filer(seed_root), kolumntyper(seed_root)
    fel, nya = [], {}
    for namn, rader in _las_blad(kalla).items():
        if namn not in befintliga:
            fel.append(f"{namn}: inget seed med det namnet (finns: {', '.join(sorted(befintliga))})")
            continue
        if not rader:
            fel.append(f"{namn}: tomt blad (rubrikraden saknas)")
            continue
        rubrik = [c.strip() for c in rader[0]]
        while rubrik and not rubrik[-1]:
            rubrik.pop()
        vantad = _las_csv_text(befintliga[namn])[0]
        if rubrik != vantad:
            fel.append(f"{namn}: rad 1: kolumnerna ska vara {', '.join(vantad)} (är {', '.join(rubrik)})")
            continue
        ut = [rubrik]
        for nr, rad in enumerate(rader[1:], start=2):
            if len(rad) < len(rubrik) or not any(c.strip() for c in rad[len(rubrik):]):
                rad = (rad + [""] * len(rubrik))[:len(rubrik)]  # Excel leaves trailing empty cells out (or adds some)
            else:
                fel.append(f"{namn}: rad {nr}: {len(rad)} värden, rubriken har {len(rubrik)}")
                continue
            if not any(c.strip() for c in rad):
                continue
            ny = []
            for kolumn, varde in zip(rubrik, rad):
                varde, problem = _typkontroll(typer.get(namn, {}).get(kolumn, ""), varde)
                if problem:
                    fel.append(f"{namn}: rad {nr}, kolumn {kolumn}: '{varde}' {problem}")
                ny.append(varde)
            ut.append(ny)
        nya[namn] = ut
    if fel:
        raise KonfigurationsFel("konfigurationen kan inte läsas in, inget seed ändrat: " + " | ".join(fel))
    skrivna = []
    for namn, rader in nya.items():
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rader)
        path = befintliga[namn]
        path.write_text(buf.getvalue(), encoding="utf-8")
        kontrollera_seed(path)
        skrivna.append(path)
    return skrivna
