"""SCB population as PxWebApi 2 delivers it in json-stat2 (table TAB638, BefolkningNy: folkmängd per region,
ålder, kön and år), turned into the contract's population rows (``scb/befolkning*.csv``) in the pre-read check.

json-stat2 (https://json-stat.org/format/): ``id`` lists the dimensions in order, ``size`` their sizes,
``dimension[id].category.index`` maps each code to its position (an object, or a list of codes in order) and
``category.label`` the code to its label; ``value`` holds the cells in row-major order over ``id`` (the last
dimension varies fastest), ``null`` for a missing cell (``status`` may say why).

What this reads from TAB638 (variables ``Region``, ``Alder``, ``Kon``, ``ContentsCode``, ``Tid``; matched without
regard to case): the region *code* is the municipality (its label, "0880 Kalmar" or "Kalmar", is never used as a
code); ages ``0`` … ``99`` and ``100+`` (= 100, the contract's "100 and over"); sex ``1`` (män) and ``2`` (kvinnor);
the year from ``Tid``. Aggregates are not rows: the age ``tot`` (any case, also ``totalt``) and sex ``1+2`` / ``tot``
are skipped and counted in the build log. Any other age or sex code (an age band such as ``0-4``) is an error
naming the file and the code, as is a dataset with more than one ContentsCode (not only folkmängd). Each row's
``leverans_rad`` is the cell's position in ``value`` (1 = the first), its lineage in staging.
"""

from __future__ import annotations

import json
from pathlib import Path

BEFOLKNING = ("kommun_kod", "ar", "alder", "kon", "antal", "leverans_rad")
ALDER_AGGREGAT = {"tot", "totalt", "total"}
KON_AGGREGAT = {"1+2", "tot", "totalt", "total"}


class JsonStatFel(ValueError):
    """A json-stat2 file that cannot be read; the message names the file."""


def _koder(dim: dict) -> list[str]:
    index = dim.get("category", {}).get("index")
    if isinstance(index, list):
        return [str(k) for k in index]
    if isinstance(index, dict):
        return [k for k, _ in sorted(index.items(), key=lambda kv: kv[1])]
    labels = dim.get("category", {}).get("label", {})
    return list(labels)  # a single category may come without index


def befolkning(path: Path, fil: str) -> tuple[list[dict], int]:
    """(rows of the population contract, number of aggregate cells skipped). Raises JsonStatFel."""
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise JsonStatFel(f"{fil}: inte UTF-8 (PxWebApi svarar i UTF-8)") from None
    except json.JSONDecodeError as err:
        raise JsonStatFel(f"{fil}: rad {err.lineno}: ogiltig JSON ({err.msg})") from None
    if not isinstance(doc, dict) or doc.get("class") != "dataset" or "id" not in doc or "value" not in doc:
        raise JsonStatFel(f"{fil}: inte ett json-stat2-dataset (class 'dataset', id, size, value)")
    ids = list(doc["id"])
    namn = {i.lower(): i for i in ids}
    saknas = [n for n in ("region", "alder", "kon", "tid") if n not in namn]
    if saknas:
        raise JsonStatFel(f"{fil}: variablerna {', '.join(saknas)} saknas (TAB638 har Region, Alder, Kon, Tid)")
    koder = [_koder(doc["dimension"][i]) for i in ids]
    if [len(k) for k in koder] != list(doc["size"]):
        raise JsonStatFel(f"{fil}: size stämmer inte med kategorierna i dimension")
    for i, k in zip(ids, koder):
        if i.lower() not in ("region", "alder", "kon", "tid") and len(k) != 1:
            raise JsonStatFel(f"{fil}: variabeln {i} har {len(k)} värden; bara folkmängd (ett värde) kan läsas")
    varden = doc["value"]
    antal_celler = 1
    for k in koder:
        antal_celler *= len(k)
    if isinstance(varden, dict):  # json-stat2 allows a sparse object {position: value}
        varden = [varden.get(str(n)) for n in range(antal_celler)]
    if len(varden) != antal_celler:
        raise JsonStatFel(f"{fil}: value har {len(varden)} celler, size säger {antal_celler}")
    pos = {n: ids.index(namn[n]) for n in ("region", "alder", "kon", "tid")}
    steg = [1] * len(ids)
    for d in range(len(ids) - 2, -1, -1):
        steg[d] = steg[d + 1] * len(koder[d + 1])
    rader, aggregat = [], 0
    for cell, varde in enumerate(varden):
        kod = {n: koder[p][(cell // steg[p]) % len(koder[p])] for n, p in pos.items()}
        alder, kon = kod["alder"].strip(), kod["kon"].strip()
        if alder.lower() in ALDER_AGGREGAT or kon.lower() in KON_AGGREGAT:
            aggregat += 1
            continue
        if alder == "100+":
            alder = "100"
        if not alder.isdigit():
            raise JsonStatFel(f"{fil}: åldern '{kod['alder']}' är varken en ettårsålder (0-99, 100+) eller 'tot'")
        if kon not in ("1", "2"):
            raise JsonStatFel(f"{fil}: könet '{kod['kon']}' är varken 1, 2 eller ett totalvärde")
        rader.append({"kommun_kod": kod["region"], "ar": kod["tid"], "alder": alder, "kon": kon,
                      "antal": "" if varde is None else str(varde), "leverans_rad": cell + 1})
    return rader, aggregat
