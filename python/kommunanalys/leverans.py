"""Checking a delivered CSV file before DuckDB reads it: encoding and structure.

Called from SQL (the dbt-duckdb plugin registers :func:`granska_kalla` as the DuckDB function
``kommunanalys_granska_leverans``; the staging macro ``granska_leverans`` calls it when a base model runs) and
from the runner (the survey files). What it guarantees, so that DuckDB never meets a file it would misread or
whose error message would print a raw line (with a personnummer on it):

- **Encoding.** A file configured as UTF-8 must be valid UTF-8 (with or without BOM), else an error names the file
  and the first bad line. A file configured as Latin-1 is read as Windows-1252 (its superset, what Swedish Windows
  systems write): when it is valid UTF-8 with non-ASCII letters it *is* UTF-8 (a Latin-1 text with å, ä, ö is
  never valid UTF-8) and is read as UTF-8; when it holds Windows-1252 characters that Latin-1 lacks (``€``, ``–``,
  bytes 0x80-0x9F) a UTF-8 copy is written under the derived folder and read instead (file names in staging stay
  those of the delivery); bytes that Windows-1252 does not define are an error naming file and line.
- **Structure.** The header holds every column of the contract (a header separated by ``,``, tab or ``|`` is
  reported as a wrong delimiter); every line has as many fields as the header; a quote opened and never closed is
  an error. Each error names the file, the line (header = line 1) and what is wrong — never the line's content.

Blank lines are allowed and not counted (as DuckDB does).
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
from pathlib import Path

import numpy as np

CHUNK = 1 << 24  # bytes per read; files are processed in slices of whole lines
MAX_FEL_PER_FIL = 3
UTF8 = ("utf-8", "utf8", "utf-8-sig")
LATIN1 = ("latin-1", "latin1", "iso-8859-1", "windows-1252", "cp1252")
CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
ANDRA_AVGRANSARE = {",": "',' (komma)", "\t": "tabb", "|": "'|'"}


class LeveransFel(ValueError):
    """A delivered file that cannot be read; the message names the file and the line, never the content."""


def _rad_for_byte(data: bytes, pos: int, forsta_rad: int) -> int:
    return forsta_rad + data.count(b"\n", 0, pos)


def _delar(path: Path):
    """(first line number, bytes) slices of the file, each ending at a line break (or the end of the file)."""
    rad = 1
    rest = b""
    with open(path, "rb") as handle:
        while True:
            block = handle.read(CHUNK)
            if not block:
                if rest:
                    yield rad, rest
                return
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                rest = block
                continue
            yield rad, block[:cut]
            rad += block.count(b"\n", 0, cut)
            rest = block[cut:]


def _fel_falt(data: bytes, start: int, antal_falt: int):
    """(line index within data, field count) of every non-blank line from byte `start` whose field count differs
    from the header's; vectorised (numpy), as fast as reading the file."""
    a = np.frombuffer(data, dtype=np.uint8)
    if not data.endswith(b"\n"):
        a = np.append(a, np.uint8(10))
    slut = np.flatnonzero(a == 10)  # the end of every line
    semikolon = np.searchsorted(np.flatnonzero(a == 59), slut)  # ';' before each line end
    borjan = np.concatenate(([0], slut[:-1] + 1))
    per_rad = np.diff(np.concatenate(([0], semikolon)))
    langd = slut - borjan
    tom = (langd == 0) | ((langd == 1) & (a[np.maximum(slut - 1, 0)] == 13))
    fel = np.flatnonzero((per_rad + 1 != antal_falt) & ~tom & (borjan >= start))
    for i in fel.tolist():
        yield i, int(per_rad[i]) + 1


def _rubrik(first_line: str, fil: str, kolumner: list[str]) -> int:
    """Checks the header; returns its number of fields."""
    text = first_line.lstrip("\ufeff").rstrip("\r\n")
    falt = [f.strip().strip('"').strip().lower() for f in text.split(";")]
    saknas = [k for k in kolumner if k not in falt]
    if saknas:
        if len(falt) == 1:
            for tecken, namn in ANDRA_AVGRANSARE.items():
                if tecken in text:
                    raise LeveransFel(f"{fil}: rad 1: fel avgränsare: rubriken är avgränsad med {namn}, "
                                      "kontraktet kräver ';'")
        raise LeveransFel(f"{fil}: rad 1: rubriken saknar kolumn(erna) {', '.join(saknas)} "
                          "(avgränsare ';'; saknas rubrikraden?)")
    dubbla = sorted({f for f in falt if f and falt.count(f) > 1})
    if dubbla:
        raise LeveransFel(f"{fil}: rad 1: kolumnen {', '.join(dubbla)} finns flera gånger i rubriken")
    return len(falt)


def _kodning(path: Path, fil: str, konfigurerad: str) -> tuple[str, list[str]]:
    """The encoding to read the file with: 'utf-8', 'latin-1' or 'cp1252' (needs a UTF-8 copy). Raises LeveransFel."""
    is_utf8, has_non_ascii, has_c1, forsta_fel = True, False, False, None
    for rad, data in _delar(path):
        if is_utf8:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as err:
                is_utf8 = False
                forsta_fel = _rad_for_byte(data, err.start, rad)
        if not has_non_ascii:
            has_non_ascii = not data.isascii()
        if konfigurerad in LATIN1:
            c1 = [b for b in CP1252_UNDEFINED if bytes([b]) in data]
            if c1:
                pos = min(data.find(bytes([b])) for b in c1)
                raise LeveransFel(f"{fil}: rad {_rad_for_byte(data, pos, rad)}: byte 0x{data[pos]:02X} är inte ett "
                                  "tecken i Windows-1252 (kodningen latin-1 i vars.encoding); filen har en annan "
                                  "kodning")
            if not has_c1 and not data.isascii():
                arr = np.frombuffer(data, dtype=np.uint8)
                has_c1 = bool(((arr >= 0x80) & (arr < 0xA0)).any())
    if konfigurerad in UTF8:
        if not is_utf8:
            raise LeveransFel(f"{fil}: rad {forsta_fel}: inte giltig UTF-8 (kodningen utf-8 i vars.encoding); "
                              "filen ser ut att vara Latin-1/Windows-1252: ändra vars.encoding eller leverera UTF-8")
        return "utf-8", []
    if konfigurerad not in LATIN1:
        raise LeveransFel(f"{fil}: okänd kodning '{konfigurerad}' i vars.encoding (utf-8 eller latin-1)")
    if is_utf8 and has_non_ascii:
        return "utf-8", [f"{fil}: kodningen är latin-1 i vars.encoding men filen är giltig UTF-8 med "
                         "icke-ASCII-tecken: läses som UTF-8"]
    if has_c1:
        return "cp1252", [f"{fil}: Windows-1252-tecken (t.ex. € eller –): läses som Windows-1252"]
    return "latin-1", []


def _struktur(path: Path, fil: str, python_kodning: str, kolumner: list[str]) -> None:
    """Header and field count per line; quotes. Raises LeveransFel naming the first bad lines."""
    fel: list[str] = []
    antal_fel = 0
    antal_falt = None
    har_citat = False
    for rad, data in _delar(path):
        if b'"' in data:
            har_citat = True
            break
        if antal_falt is None:
            forsta = data.split(b"\n", 1)[0]
            antal_falt = _rubrik(forsta.decode(python_kodning, errors="replace"), fil, kolumner)
            start_byte = len(forsta) + 1
        else:
            start_byte = 0
        for nr, n in _fel_falt(data, start_byte, antal_falt):
            antal_fel += 1
            if len(fel) < MAX_FEL_PER_FIL:
                fel.append(f"rad {rad + nr}: {n} fält, rubriken har {antal_falt}")
    if har_citat:
        _struktur_med_citat(path, fil, python_kodning, kolumner)
        return
    if antal_falt is None:
        raise LeveransFel(f"{fil}: tom fil (ingen rubrikrad)")
    if fel:
        mer = f" (och {antal_fel - len(fel)} rader till)" if antal_fel > len(fel) else ""
        raise LeveransFel(f"{fil}: fel antal fält: " + "; ".join(fel) + mer)


def _struktur_med_citat(path: Path, fil: str, python_kodning: str, kolumner: list[str]) -> None:
    """The slow path for a file with quote characters: the csv module, strictly."""
    with open(path, encoding="utf-8-sig" if python_kodning == "utf-8" else python_kodning, newline="") as handle:
        # an unterminated quote swallows the rest of the file: find the line where it opens
        oppen, start = False, 0
        for nr, linje in enumerate(handle, start=1):
            if linje.count('"') % 2 == 1:
                oppen = not oppen
                start = nr if oppen else start
        if oppen:
            raise LeveransFel(f"{fil}: rad {start}: citattecken (\") som aldrig stängs")
        handle.seek(0)
        reader = csv.reader(handle, delimiter=";", quotechar='"', strict=True)
        fel: list[str] = []
        antal_falt = None
        rad = 1
        try:
            for row in reader:
                if antal_falt is None:
                    antal_falt = _rubrik(";".join(row), fil, kolumner)
                elif row and any(c.strip() for c in row) and len(row) != antal_falt:
                    if len(fel) < MAX_FEL_PER_FIL:
                        fel.append(f"rad {rad}: {len(row)} fält, rubriken har {antal_falt}")
                rad = reader.line_num + 1
        except csv.Error as err:
            kind = str(err).split(":")[0]
            raise LeveransFel(f"{fil}: rad {reader.line_num}: felaktig citering ({kind})") from None
    if antal_falt is None:
        raise LeveransFel(f"{fil}: tom fil (ingen rubrikrad)")
    if fel:
        raise LeveransFel(f"{fil}: fel antal fält: " + "; ".join(fel))


def _omkoda(path: Path, mal: Path) -> None:
    mal.parent.mkdir(parents=True, exist_ok=True)
    tmp = mal.with_name(mal.name + ".tmp")
    with open(tmp, "wb") as out:
        for _, data in _delar(path):
            out.write(data.decode("cp1252").encode("utf-8"))
    os.replace(tmp, mal)


def granska_fil(path: Path, fil: str, konfigurerad: str, kolumner: list[str], omkodad_rot: Path | None,
                skriv: bool = True) -> dict:
    """One file: {'las': path to read, 'fil': name relative to the root, 'kodning': 'utf-8'|'latin-1',
    'info': [...]}. skriv=False: the copy a Windows-1252 file needs is named but not written (dbt compile).
    Raises LeveransFel."""
    if path.stat().st_size == 0:
        raise LeveransFel(f"{fil}: tom fil (ingen rubrikrad)")
    kodning, info = _kodning(path, fil, konfigurerad.lower().replace("_", "-"))
    _struktur(path, fil, "cp1252" if kodning == "cp1252" else kodning, kolumner)
    las = path
    if kodning == "cp1252" and omkodad_rot is not None:
        las = omkodad_rot / fil
        if skriv:
            _omkoda(path, las)
        kodning = "utf-8"
    return {"las": str(las), "fil": fil, "kodning": kodning, "info": info}


SIE_ANDELSER = (".se", ".si")


def skriv_csv(rader: list[dict], kolumner: tuple[str, ...], mal: Path) -> None:
    """Rows as a ';' CSV in UTF-8 with a header, written atomically (the converted copies of SIE and json-stat2)."""
    mal.parent.mkdir(parents=True, exist_ok=True)
    tmp = mal.with_name(mal.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        w = csv.DictWriter(handle, fieldnames=kolumner, delimiter=";", lineterminator="\n")
        w.writeheader()
        w.writerows(rader)
    os.replace(tmp, mal)


def _konverterad(fil: str, rader: list[dict], kolumner: tuple[str, ...], omkodad_rot: Path | None, info: str,
                 skriv: bool = True) -> dict:
    """A delivery in another form (SIE, json-stat2) written as the contract's CSV under the copies' folder, with the
    delivery's own line (or cell) of each row in leverans_rad; that copy is read in its place."""
    if omkodad_rot is None:
        raise LeveransFel(f"{fil}: filen läses bara via staging (mappen för omkodade kopior saknas)")
    las = omkodad_rot / (fil + ".csv")
    if skriv:
        skriv_csv(rader, kolumner, las)
    return {"las": str(las), "fil": fil, "kodning": "utf-8", "rad_kolumn": "leverans_rad", "info": [info]}


def granska_sie(path: Path, fil: str, konfig: dict, omkodad_rot: Path | None, skriv: bool = True) -> dict:
    """A SIE ledger file (python/kommunanalys/sie.py): read, reconciled with its own totals and converted."""
    from . import sie

    try:
        rader = sie.kontoutfall(sie.las(path, fil), konfig.get("orgnr", {}), konfig.get("dimensioner", []))
    except sie.SieFel as err:
        raise LeveransFel(str(err)) from None
    return _konverterad(fil, rader, sie.HUVUDBOK, omkodad_rot, f"{fil}: SIE läst som {len(rader)} rader kontoutfall",
                        skriv)


def granska_jsonstat(path: Path, fil: str, omkodad_rot: Path | None, skriv: bool = True) -> dict:
    """SCB population in json-stat2 (python/kommunanalys/jsonstat.py), converted."""
    from . import jsonstat

    try:
        rader, aggregat = jsonstat.befolkning(path, fil)
    except jsonstat.JsonStatFel as err:
        raise LeveransFel(str(err)) from None
    return _konverterad(fil, rader, jsonstat.BEFOLKNING, omkodad_rot,
                        f"{fil}: json-stat2 läst som {len(rader)} rader; {aggregat} totalceller (tot) lästes inte",
                        skriv)


def tom_leverans(kolumner: list[str], omkodad_rot: Path, skriv: bool = True) -> str:
    """A CSV with the contract's header (and leverans_rad, the column of the converted copies) and no row, under the
    copies' folder: the staging SQL reads its list of files with read_csv, which refuses an empty list and binds
    only the columns its files have, so this file ends every list (macros/staging/granskning.sql, granska_kallan).
    Named by its header; written only when skriv (the check at run time)."""
    rubrik = ";".join([*kolumner, "leverans_rad"])
    mal = omkodad_rot / "_tom" / (hashlib.md5(rubrik.encode("utf-8")).hexdigest()[:12] + ".csv")
    if skriv and not mal.exists():
        mal.parent.mkdir(parents=True, exist_ok=True)
        tmp = mal.with_name(f"{mal.name}.{os.getpid()}.tmp")
        tmp.write_text(rubrik + "\n", encoding="utf-8")
        os.replace(tmp, mal)
    return str(mal)


def granska_kalla(monster: str, kodning: str, kolumner: str, rot: str, omkodad_rot: str, sie_konfig: str = "") -> str:
    """Every file matching the glob `monster` (several globs separated by '|'): JSON {'filer': [...], 'fel': [...],
    'info': [...]} (see granska_fil). kolumner: the contract's columns, comma-separated. Files in name order (the
    delivery order). A file ending in .se/.si is a SIE ledger (granska_sie), read with sie_konfig (JSON: orgnr ->
    kommun_kod, and the rows of seeds/staging/sie_dimensioner.csv); a .json file is SCB population in json-stat2
    (granska_jsonstat). sie_konfig's key "skriv" false: the copies are named, not written (what `dbt compile`
    asks for: compiling writes no file). With a copies' folder, "tom" is the header-only file (tom_leverans)."""
    rot_path = Path(rot)
    filer, fel, info = [], [], []
    konfig = json.loads(sie_konfig) if sie_konfig else {}
    skriv = bool(konfig.get("skriv", True))
    namn = sorted({n for m in monster.split("|") if m for n in glob.glob(m)})
    for name in namn:
        path = Path(name)
        try:
            fil = path.resolve().relative_to(rot_path.resolve()).as_posix()
        except ValueError:
            fil = path.name
        try:
            if path.suffix.lower() == ".json":
                granskad = granska_jsonstat(path, fil, Path(omkodad_rot) if omkodad_rot else None, skriv)
            elif path.suffix.lower() in SIE_ANDELSER:
                granskad = granska_sie(path, fil, konfig, Path(omkodad_rot) if omkodad_rot else None, skriv)
            else:
                granskad = granska_fil(path, fil, kodning, [k for k in kolumner.split(",") if k],
                                       Path(omkodad_rot) if omkodad_rot else None, skriv)
        except LeveransFel as err:
            fel.append(str(err))
            continue
        info += granskad.pop("info")
        filer.append(granskad)
    svar = {"filer": filer, "fel": fel, "info": info}
    if omkodad_rot:
        svar["tom"] = tom_leverans([k for k in kolumner.split(",") if k], Path(omkodad_rot), skriv)
    return json.dumps(svar, ensure_ascii=False)


def las_text(path: Path, fil: str, konfigurerad: str, kolumner: list[str]) -> io.StringIO:
    """A checked file as text (for the runner's survey scoring). Raises LeveransFel."""
    kodning = granska_fil(path, fil, konfigurerad, kolumner, None)["kodning"]
    return io.StringIO(path.read_bytes().decode("utf-8-sig" if kodning == "utf-8" else kodning))
