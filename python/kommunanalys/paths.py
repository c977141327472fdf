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
