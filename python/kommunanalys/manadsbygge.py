"""Monthly runs: build only what changed since the last successful build (README, "Monthly deliveries").

Two layers make a monthly delivery cheap, and both keep the result identical to a build from scratch:
1. In dbt, the big facts are incremental with dbt's delete+insert strategy (macros/inkrementell.sql): their staging
   reads only new or changed files, and the models per month and per year recompute only the months and years
   those files touch. The state is two models a user can query: staging.leveransfiler (the files as they lie now)
   and staging.leveransfilhistorik (every file version read, with its months).
2. Here, the runner chooses what to build at all, with dbt's selectors:
   - `state:modified+` against the manifest of the last successful build, with `--full-refresh`: a model whose SQL,
     config, macros or seeds changed (an upgrade of the project) is rebuilt from scratch, and so is everything it
     feeds;
   - `source:<system>.<table>+` for the sources whose files changed since the last build (the files now against
     staging.leveransfiler of the last build), with `leveransfiler` itself: a model that reads nothing that changed
     is already right.

The last successful build is kept beside dbt's target folder (<target>/senaste_bygge/): its manifest.json (dbt's
`--state`), the compiled SQL of leveransfiler (to list the files now exactly as the model lists them) and
tillstand.json, a fingerprint of the project files (only a shortcut: whether dbt has to be asked what is
modified), of the folders read and of the pseudonymisation key (a keyed hash of a fixed test value, no more revealing
than any person_id), which dbt cannot see. A marker `pagaende` is written before a build and removed after it:
after a build that did not finish, or without the state, everything is built with --full-refresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .paths import PROJECT_ROOT

PROJEKTDELAR = ("models", "macros", "seeds", "tests", "snapshots", "dbt_project.yml", "profiles.yml")
FILMODELL = "leveransfiler"
FILTABELL = "staging.leveransfiler"


@dataclass
class Plan:
    """What a build will do: the dbt commands in order (each a list of arguments), and why (one line)."""

    steg: list[list[str]]
    varfor: str
    andrade: list[str] = field(default_factory=list)


def tillstandsmapp(target: Path) -> Path:
    return target / "senaste_bygge"


def projekt_fingeravtryck(rot: Path = PROJECT_ROOT) -> str:
    h = hashlib.sha256()
    for del_ in PROJEKTDELAR:
        p = rot / del_
        filer = sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else ([p] if p.is_file() else [])
        for f in filer:
            h.update(f.relative_to(rot).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def mappar() -> dict[str, str]:
    return {v: os.environ.get(v, "") for v in ("KOMMUNANALYS_RAW_ROOT", "KOMMUNANALYS_DERIVED_ROOT")}


def nyckelkontroll() -> str:
    """A fingerprint of the current key: the keyed SHA-256 of a fixed test value that is no personnummer, shortened
    as a person_id is. It only has to change when the key changes and reveals no more than any person_id."""
    from .dbt_plugin import DEMO_KEY, KEY_ENV

    key = os.environ.get(KEY_ENV, "") or DEMO_KEY
    return hashlib.sha256(f"{key}|000000000000".encode()).hexdigest()[:16]


def _filer(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, set[tuple]]:
    ut: dict[str, set[tuple]] = {}
    for kalla, fil, version in con.execute(f"select kalla, kalla_fil, fil_version from ({sql}) as f").fetchall():
        ut.setdefault(kalla, set()).add((fil, version))
    return ut


def filer_nu(sql: str) -> dict[str, set[tuple]]:
    """source -> {(file, version)} of the files now, listed by the compiled SQL of leveransfiler (the same
    read_blob the model runs, under the root variables the plugin sets)."""
    from .dbt_plugin import _set_roots

    con = duckdb.connect()
    try:
        _set_roots(con)
        return _filer(con, sql)
    finally:
        con.close()


def filer_senast(db: Path) -> dict[str, set[tuple]] | None:
    """source -> {(file, version)} as staging.leveransfiler holds them from the last build; None without it."""
    try:  # not read_only: dbt-duckdb may hold the database open in this process, and DuckDB allows a second
        # connection to it only with the same configuration
        con = duckdb.connect(str(db))
    except duckdb.Error:
        return None
    try:
        return _filer(con, f"select * from {FILTABELL}")
    except duckdb.Error:
        return None
    finally:
        con.close()


def planera(db: Path, target: Path) -> Plan:
    """The dbt commands of this build: what changed in the project and in the files since the last build."""
    mapp = tillstandsmapp(target)
    if not db.exists():
        return Plan([["build"]], "first build in this database: everything")
    forra = json.loads((mapp / "tillstand.json").read_text()) if (mapp / "tillstand.json").exists() else None
    if forra is None or (mapp / "pagaende").exists() or not (mapp / "manifest.json").exists():
        return Plan([["build", "--full-refresh"]],
                    "no finished build on record for this database: everything, from scratch")
    if forra.get("nyckel") != nyckelkontroll():
        return Plan([["build", "--full-refresh"]], "the pseudonymisation key changed: everything, from scratch")
    if forra.get("mappar") != mappar():
        return Plan([["build", "--full-refresh"]], "the folders read changed: everything, from scratch")
    senast = filer_senast(db)
    if senast is None or not (mapp / f"{FILMODELL}.sql").exists():
        return Plan([["build", "--full-refresh"]], "the file state of the last build is missing: everything")
    nu = filer_nu((mapp / f"{FILMODELL}.sql").read_text(encoding="utf-8"))
    andrade = sorted(k for k in set(nu) | set(senast) if nu.get(k, set()) != senast.get(k, set()))
    tillstand = ["--state", str(mapp)]
    steg, skal = [], []
    andrat_projekt = forra.get("projekt") != projekt_fingeravtryck()
    if andrat_projekt:
        steg.append(["build", "--select", f"{FILMODELL} state:modified+", *tillstand, "--full-refresh"])
        skal.append("the project changed: what dbt finds modified (state:modified+) rebuilt from scratch")
    if andrade:
        urval = " ".join([FILMODELL] + [f"source:{k}+" for k in andrade])
        steg.append(["build", "--select", urval] + (["--exclude", "state:modified+", *tillstand]
                                                     if andrat_projekt else []))
        skal.append("changed since the last build: " + ", ".join(andrade) + " (built: what they feed)")
    if not steg:
        return Plan([], "no file changed since the last build: nothing to build")
    return Plan(steg, "; ".join(skal), andrade)


def fore_bygge(target: Path) -> None:
    """Mark a build under way: one that does not finish leaves the next to build everything from scratch."""
    mapp = tillstandsmapp(target)
    mapp.mkdir(parents=True, exist_ok=True)
    (mapp / "pagaende").write_text("", encoding="utf-8")


def efter_bygge(target: Path) -> None:
    """After a successful build: this build's manifest and file listing become the state of the next."""
    mapp = tillstandsmapp(target)
    mapp.mkdir(parents=True, exist_ok=True)
    shutil.copy2(target / "manifest.json", mapp / "manifest.json")
    kompilerad = next((target / "compiled").rglob(f"{FILMODELL}.sql"), None) if (target / "compiled").exists() else None
    if kompilerad is not None:
        shutil.copy2(kompilerad, mapp / f"{FILMODELL}.sql")
    (mapp / "tillstand.json").write_text(json.dumps(
        {"projekt": projekt_fingeravtryck(), "nyckel": nyckelkontroll(), "mappar": mappar()}), encoding="utf-8")
    (mapp / "pagaende").unlink(missing_ok=True)
