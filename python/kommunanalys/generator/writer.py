"""Writing the files: semicolon CSV with a plain header, in UTF-8 (optionally with BOM) or Latin-1.

Files are built and written in slices of rows, so the text columns of a national file never sit in memory at
once. pyarrow's CSV writer does the heavy lifting without quoting (no generated value contains ';', '"' or a line
break); Latin-1 files are transcoded slice by slice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pcsv

from . import textcols

SLICE_ROWS = 1_000_000
_OPTIONS = pcsv.WriteOptions(include_header=False, delimiter=";", quoting_style="none", batch_size=65_536)

#: Builds the text columns of the file's rows [start, stop).
Builder = Callable[[int, int], dict[str, pa.Array]]


def write_csv(out: Path, relative: str, n_rows: int, build: Builder, encoding: str = "utf-8", bom: bool = False,
              overrides: Sequence[tuple[int, str, str]] = ()) -> int:
    """Write n_rows rows to out/relative; `overrides` (row, column, raw text) replace single cells.

    Returns the number of data rows written."""
    path = out / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        for start in range(0, max(n_rows, 1), SLICE_ROWS):
            stop = min(start + SLICE_ROWS, n_rows)
            columns = build(start, stop)
            for row, column, value in overrides:
                if start <= row < stop:
                    columns[column] = textcols.replace(columns[column], [row - start], [value])
            if start == 0:
                f.write(("\ufeff" if bom else "").encode("utf-8") + (";".join(columns) + "\n").encode(encoding))
            if stop == start:
                break
            if encoding == "utf-8":
                pcsv.write_csv(pa.table(columns), f, _OPTIONS)
            else:
                sink = pa.BufferOutputStream()
                pcsv.write_csv(pa.table(columns), sink, _OPTIONS)
                f.write(sink.getvalue().to_pybytes().decode("utf-8").encode(encoding))
    return n_rows
