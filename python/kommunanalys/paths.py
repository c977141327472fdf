"""Where things are: the project root, the database, the raw and derived data folders (all overridable)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def build_dir() -> Path:
    """Where the runner writes the database, the export, the report and the docs site."""
    return Path(os.environ.get("KOMMUNANALYS_BUILD_DIR", PROJECT_ROOT / "build"))


def db_path() -> Path:
    return Path(os.environ.get("KOMMUNANALYS_DB", build_dir() / "kommunanalys.duckdb"))


def raw_root() -> Path:
    return Path(os.environ.get("KOMMUNANALYS_RAW_ROOT", PROJECT_ROOT / "data" / "raw"))


def derived_root() -> Path:
    return Path(os.environ.get("KOMMUNANALYS_DERIVED_ROOT", PROJECT_ROOT / "data" / "derived"))
