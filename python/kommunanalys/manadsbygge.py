"""Monthly runs: build only what the changed deliveries feed (README, "Monthly deliveries").

Two layers make a monthly delivery cheap, and both keep the result identical to a build from scratch:
1. In dbt, the big facts are incremental (macros/inkrementell.sql): their staging reads only new or changed files,
   and the per-year KPB models recompute only the years those files touch.
2. Here, the runner selects what to build at all: the models and tests downstream of the sources whose files
   changed since the last successful build (`dbt build --select source:<system>.<table>+ ...`). A model that reads
   nothing that changed is already right; rebuilding it would only cost time.

The state of the last successful build is kept in the work database itself (table inkrementell.leveranser): per
source, its files' names, sizes and modification times (as the incremental models see them), and a fingerprint of
the project (every file under models/, macros/, seeds/, tests/, snapshots/, dbt_project.yml, profiles.yml), of the
folders read and of the pseudonymisation key (a keyed hash of a fixed test value, no more revealing than any
person_id). Everything is built — a plain `dbt build`, still incremental inside — when there is
no state, when the project, the folders or the key changed, when the last build did not finish (a build marks the
state pending before it starts), or when the manifest of the last build is missing.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .paths import PROJECT_ROOT

STATE = "inkrementell.leveranser"
PROJEKTDELAR = ("models", "macros", "seeds", "tests", "snapshots", "dbt_project.yml", "profiles.yml")


@dataclass
class Plan:
    """What a build will do: args for dbt, and why (one line for the console)."""

    args: list[str]
    varfor: str
    andrade: list[str]


def projekt_fingeravtryck(rot: Path = PROJECT_ROOT) -> str:
    h = hashlib.sha256()
    for del_ in PROJEKTDELAR:
        p = rot / del_
        filer = sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else ([p] if p.is_file() else [])
        for f in filer:
            h.update(f.relative_to(rot).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    for var in ("KOMMUNANALYS_RAW_ROOT", "KOMMUNANALYS_DERIVED_ROOT"):
        h.update(f"{var}={os.environ.get(var, '')}\0".encode())
    return h.hexdigest()


def kallmonster(manifest: Path) -> dict[str, str]:
    """source selector (system.table) -> the file pattern it reads, from the last build's manifest."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    ut = {}
    for kalla in data.get("sources", {}).values():
        namn = kalla.get("relation_name") or ""
        if "'" in namn:
            ut[f"{kalla['source_name']}.{kalla['name']}"] = namn.split("'")[1]
    return ut


def filer_nu(monster: dict[str, str]) -> dict[str, list[list]]:
    """source -> sorted [file, size, modification time in ns] of the files matching its pattern now."""
    ut = {}
    for kalla, m in monster.items():
        rader = []
        for f in sorted(glob.glob(m)):
            st = os.stat(f)
            rader.append([f, st.st_size, st.st_mtime_ns])
        ut[kalla] = rader
    return ut


def _las_state(db: Path) -> dict | None:
    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error:
        return None
    try:
        rad = con.execute(f"select tillstand from {STATE} where klar").fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return json.loads(rad[0]) if rad else None


def _skriv_state(db: Path, tillstand: dict | None, klar: bool) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema if not exists inkrementell")
        con.execute(f"create table if not exists {STATE} (tillstand varchar, klar boolean)")
        con.execute(f"delete from {STATE}")
        if tillstand is not None:
            con.execute(f"insert into {STATE} values (?, ?)", [json.dumps(tillstand), klar])
        con.execute("checkpoint")
    finally:
        con.close()


def nyckelkontroll() -> str:
    """A fingerprint of the current key: the keyed SHA-256 of a fixed test value that is no personnummer, shortened
    as a person_id is. It only has to change when the key changes (it is not the SQL pseudonym itself, whose formula
    stays in macros/pseudonymisering.sql) and reveals no more than any person_id."""
    from .dbt_plugin import DEMO_KEY, KEY_ENV

    key = os.environ.get(KEY_ENV, "") or DEMO_KEY
    return hashlib.sha256(f"{key}|000000000000".encode()).hexdigest()[:16]


def planera(db: Path, target: Path) -> Plan:
    """The dbt arguments of this build: the sources whose files changed (and what is downstream), or everything."""
    forra = _las_state(db)
    tillstand_nu = tillstand(target) if forra is not None else None
    if forra is None or tillstand_nu is None:
        return Plan(["build"], "first build in this database (or the last one did not finish): everything", [])
    if forra.get("projekt") != tillstand_nu["projekt"]:
        return Plan(["build"], "the project or the folders changed since the last build: everything", [])
    if forra.get("nyckel") != tillstand_nu["nyckel"]:
        return Plan(["build"], "the pseudonymisation key changed since the last build: everything", [])
    if set(forra.get("filer", {})) != set(tillstand_nu["filer"]):
        return Plan(["build"], "the sources differ from the last build's: everything", [])
    andrade = sorted(k for k, v in tillstand_nu["filer"].items() if forra["filer"].get(k) != v)
    if not andrade:
        return Plan([], "no file changed since the last build: nothing to build", [])
    urval = " ".join(f"source:{k}+" for k in andrade)
    return Plan(["build", "--select", urval], "changed since the last build: " + ", ".join(andrade)
                + " (built: what they feed)", andrade)


def tillstand(target: Path) -> dict | None:
    """The state of the files and the project now, or None without the last build's manifest."""
    manifest = target / "manifest.json"
    if not manifest.exists():
        return None
    return {"projekt": projekt_fingeravtryck(), "nyckel": nyckelkontroll(), "filer": filer_nu(kallmonster(manifest))}


def fore_bygge(db: Path) -> None:
    """Mark the state pending: a build that does not finish leaves the next one to build everything."""
    if db.exists():
        forra = _las_state(db)
        _skriv_state(db, forra, klar=False)


def efter_bygge(db: Path, target: Path) -> None:
    """After a successful build of everything changed: the state of now (with this build's manifest)."""
    _skriv_state(db, tillstand(target), klar=True)
