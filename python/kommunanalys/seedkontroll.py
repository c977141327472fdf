"""Checks of the configuration seeds before dbt reads them.

Swedish Excel saves "CSV" with semicolons (and a decimal comma). dbt reads a seed with the delimiter of
dbt_project.yml (','), so a semicolon file becomes one column named 'regel_id;kommun_kod;…' and the build fails far
away with `syntax error at or near ";"`. `kontrollera_seeds` reads the header of every seed and rejects such a file
with a message that says what it is and how to fix it. The runner (or a pre-build step) calls it before dbt.
"""

from __future__ import annotations

import csv
from pathlib import Path


class SeedFormatError(ValueError):
    """A seed file that dbt would misread; the message names the file and the fix."""


def kontrollera_seed(path: Path) -> None:
    """Raise SeedFormatError when the seed's header is semicolon-separated (or tab-separated) instead of commas."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        header = f.readline()
    if not header.strip():
        raise SeedFormatError(f"{path}: the seed is empty (no header line)")
    kommatecken = len(next(csv.reader([header])))
    for tecken, namn in ((";", "semicolon"), ("\t", "tab")):
        if tecken in header and kommatecken < header.count(tecken) + 1:
            raise SeedFormatError(
                f"{path}: the seed is {namn}-separated ({header.count(tecken) + 1} columns separated by {tecken!r}), "
                "as Swedish Excel saves CSV; dbt reads seeds comma-separated. Save it as 'CSV UTF-8 (kommaavgränsad)' "
                "or convert it, e.g. python -c \"import csv,sys; r=csv.reader(open(sys.argv[1], encoding='utf-8-sig'), "
                "delimiter=';'); csv.writer(open(sys.argv[2], 'w', newline='', encoding='utf-8')).writerows(r)\" "
                "in.csv out.csv (and use '.' as decimal separator)")


def kontrollera_seeds(seed_root: Path) -> list[Path]:
    """Check every seed under seed_root; returns the files checked, raises SeedFormatError on the first bad one."""
    filer = sorted(seed_root.rglob("*.csv"))
    for path in filer:
        kontrollera_seed(path)
    return filer
