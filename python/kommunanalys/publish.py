"""Publishing the built database so that a reader can open it at any time.

DuckDB lets one process write a database file, and while it does no other process can open the file (not even
read-only); a reader that holds the file open makes a writer fail. So the runner's dbt never writes the file
readers use: it builds into a work file (`paths.work_db_path`, `<folder>/.bygge/kommunanalys.duckdb`), and when the
build has passed its tests the work file is checkpointed, copied next to the published file and renamed over it in
one step (`os.replace`, atomic on POSIX file systems). A reader that opened the old file keeps reading the old
state until it reconnects; a new reader gets the new state; nobody sees a half-written database or a missing
relation. Readers open the published file read-only (README, "Connecting a BI tool").
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


def checkpoint(db: Path) -> None:
    """Write the work file's WAL into the file itself, so that the file alone holds the whole database."""
    con = duckdb.connect(str(db))
    try:
        con.execute("checkpoint")
    finally:
        con.close()


def publish(work: Path, published: Path) -> Path:
    """Copy the work database next to `published` and atomically rename it into place; return `published`."""
    work, published = Path(work), Path(published)
    checkpoint(work)
    wal = work.with_name(work.name + ".wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RuntimeError(f"{wal} is not empty after a checkpoint: the work database is still being written")
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(work, tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, published)
    finally:
        tmp.unlink(missing_ok=True)
    return published


def open_reader(db: Path) -> duckdb.DuckDBPyConnection:
    """Open a database as a reader: read-only. In a process that already holds it read-write (the test session's
    in-process dbt), DuckDB refuses a second configuration, so the reader shares that connection's database."""
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.ConnectionException as err:
        if "different configuration" not in str(err):
            raise
        return duckdb.connect(str(db))
