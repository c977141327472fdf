"""Monthly deliveries from yearly files: split a delivered CSV into one file per month of its period column.

The generator writes one file per year; a municipality delivers every month. The benchmark (scripts/benchmark.py)
and the incremental tests (python/tests/test_inkrementell.py) use this to lay the same rows out as monthly files
(`huvudbok_2024.csv` -> `huvudbok_202401.csv` ... `huvudbok_202412.csv`), which the sources read with the same
pattern. Works on bytes, so the file's encoding (Latin-1 ledger) and every cell are kept exactly; a row whose period
is not YYYYMM goes to `<name>_ovrig.csv`.
"""

from __future__ import annotations

import re
from pathlib import Path

PERIOD = re.compile(rb"^\d{6}$")


def dela_per_manad(fil: Path, kolumn: str = "period", ta_bort: bool = True) -> dict[str, Path]:
    """Split `fil` into `<stem without _YYYY>_<YYYYMM>.csv` files beside it; returns period -> file."""
    fil = Path(fil)
    stam = re.sub(r"_\d{4}$", "", fil.stem)
    ut: dict[str, object] = {}
    filer: dict[str, Path] = {}
    with open(fil, "rb") as f:
        header = f.readline()
        namn = header.rstrip(b"\r\n").lstrip(b"\xef\xbb\xbf").split(b";")
        index = namn.index(kolumn.encode())
        try:
            for rad in f:
                varde = rad.split(b";", index + 1)[index].strip() if rad.count(b";") >= index else b""
                period = varde.decode("ascii", "replace") if PERIOD.match(varde) else "ovrig"
                if period not in ut:
                    filer[period] = fil.with_name(f"{stam}_{period}.csv")
                    ut[period] = open(filer[period], "wb")
                    ut[period].write(header)
                ut[period].write(rad)
        finally:
            for handle in ut.values():
                handle.close()
    if ta_bort:
        fil.unlink()
    return dict(sorted(filer.items()))
