"""Kolada responses saved in ``extern/kolada/*.json``: the pre-read check of their paging.

Kolada's ``data`` endpoint pages its answer. API v2 (shut down; it answers ``410 Gone``) wrote ``next_page`` /
``previous_page``; API v3 (``/v3``, since 2025-04) writes ``next_url`` / ``previous_url``. A saved page whose link to
the next page is set says that more values exist: unless that next page is delivered too, the folder holds part of
an answer, and reading it as complete would silently drop values. :func:`granska_kolada` (registered in DuckDB by
the dbt plugin as ``kommunanalys_granska_kolada``, called by the staging macro ``granska_kolada`` before the values
are read) therefore fails the build naming the file whose next page is missing.

Which file is the next page: the page numbers are in the links. A page whose ``previous_url`` is ``…page=k…`` is page
k+1 of the request that link names (the link without its ``page`` parameter); a page whose ``next_url`` is
``…page=k…`` needs page k of the same request among the files. Links without a ``page`` parameter count as page 1.
"""

from __future__ import annotations

import glob
import json
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

NASTA = ("next_url", "next_page")  # v3, v2
FOREGAENDE = ("previous_url", "previous_page")


def _lank(doc: dict, namn: tuple[str, ...]) -> str | None:
    for n in namn:
        if doc.get(n):
            return str(doc[n])
    return None


def sida(url: str) -> tuple[str, int]:
    """(the request without its page parameter, page number) of a paging link."""
    delar = urlsplit(url)
    fragor = parse_qsl(delar.query, keep_blank_values=True)
    nummer = [v for k, v in fragor if k == "page"]
    ovriga = sorted((k, v) for k, v in fragor if k != "page")
    bas = f"{delar.path.rstrip('/')}?{urlencode(ovriga)}"
    try:
        return bas, int(nummer[0]) if nummer else 1
    except ValueError:
        return bas, 1


def granska_filer(filer: list[tuple[str, Path]]) -> list[str]:
    """Errors (file: what is wrong) of the saved responses [(name relative to the root, path)]."""
    fel, dokument = [], {}
    for fil, path in filer:
        try:
            doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError:
            fel.append(f"{fil}: inte UTF-8 (Kolada svarar i UTF-8)")
            continue
        except json.JSONDecodeError as err:
            fel.append(f"{fil}: rad {err.lineno}: ogiltig JSON ({err.msg})")
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("values"), list):
            fel.append(f"{fil}: inte ett svar från Koladas data-API (listan 'values' saknas)")
            continue
        dokument[fil] = doc
    levererade = set()
    for doc in dokument.values():
        foregaende = _lank(doc, FOREGAENDE)
        if foregaende:
            bas, nr = sida(foregaende)
            levererade.add((bas, nr + 1))
    for fil, doc in dokument.items():
        nasta = _lank(doc, NASTA)
        if nasta and sida(nasta) not in levererade:
            fel.append(f"{fil}: svaret fortsätter på en sida till ({nasta}) som inte är levererad: hämta alla sidor "
                       "(kommunanalys fetch-kolada) eller ta bort filen; en del av ett svar läses aldrig som helt")
    return sorted(fel)  # in file order


def granska_kolada(monster: str, rot: str) -> str:
    """Every file matching the glob: JSON {'fel': [...]} (see granska_filer)."""
    rot_path = Path(rot).resolve()
    filer = []
    for name in sorted(glob.glob(monster)):
        path = Path(name)
        try:
            fil = path.resolve().relative_to(rot_path).as_posix()
        except ValueError:
            fil = path.name
        filer.append((fil, path))
    return json.dumps({"fel": granska_filer(filer)}, ensure_ascii=False)
