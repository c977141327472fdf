"""Where things are: the project root, the database, the raw and derived data folders (all overridable)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def build_dir() -> Path:
    """Where the runner writes the database, the export, the report and the docs site."""
    return Path(os.environ.get("KOMMUNANALYS_BUILD_DIR", PROJECT_ROOT / "build"))


def db_path() -> Path:
    """The published database: what readers (BI tools, the site, the export) open, read-only."""
    return Path(os.environ.get("KOMMUNANALYS_DB", build_dir() / "kommunanalys.duckdb"))


def work_db_path(published: Path | None = None) -> Path:
    """Where the runner's dbt builds before it publishes: <folder of the published file>/.bygge/<same name>.

    The same file name keeps DuckDB's catalog name (the file's stem) the same as the published file's."""
    published = Path(published or db_path())
    return published.parent / ".bygge" / published.name


def raw_root() -> Path:
    return Path(os.environ.get("KOMMUNANALYS_RAW_ROOT", PROJECT_ROOT / "data" / "raw"))


def derived_root() -> Path:
    return Path(os.environ.get("KOMMUNANALYS_DERIVED_ROOT", PROJECT_ROOT / "data" / "derived"))


def derived_root_for(raw: Path | None) -> Path:
    """The derived folder follows the raw folder: given a raw folder (--raw) and no derived folder, the scored
    surveys go beside it — `<parent>/derived` for a folder named `raw` (data/raw -> data/derived), else
    `<parent>/<name>_derived` — so that another delivery never overwrites the demo's derived files. Without a raw
    folder: $KOMMUNANALYS_DERIVED_ROOT, else data/derived."""
    if raw is None:
        return derived_root()
    raw = Path(raw)
    return raw.parent / ("derived" if raw.name == "raw" else f"{raw.name}_derived")


class PathProblem(ValueError):
    """A folder or file the runner was pointed at does not exist (the message is one line)."""


def require_raw_folder(raw: Path) -> Path:
    raw = Path(raw)
    if not raw.is_dir():
        raise PathProblem(f"the raw folder {raw} does not exist (or is not a folder): check --raw or "
                          "KOMMUNANALYS_RAW_ROOT")
    return raw


def require_database(db: Path) -> Path:
    """For report/export: the database must exist (never create an empty one); open it read-only."""
    db = Path(db)
    if not db.is_file():
        raise PathProblem(f"the database {db} does not exist: run `kommunanalys build` first, or check --db / "
                          "KOMMUNANALYS_DB")
    return db
