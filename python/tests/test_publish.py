"""Marts a BI tool can read at any time: the runner builds into a work file and publishes it atomically, views do
not hard-code the catalog name, seeds' columns are commented in the database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from kommunanalys.paths import PROJECT_ROOT

MARTS = ("kpb.insatskostnad", "kpb.brukarmix", "indikatorer.utfall", "indikatorer.betalningsansvar")


def _checkpointed_copy(built, target: Path) -> Path:
    built.con.execute("checkpoint")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built.db, target)
    return target


def _relations(con) -> list[tuple[str, str]]:
    return con.execute("select table_schema, table_name from information_schema.tables "
                       "where table_catalog = current_database() order by 1, 2").fetchall()


def test_no_view_hard_codes_the_catalog_name(built):
    views = built.rows("select schema_name, view_name, sql from duckdb_views() where not internal")
    assert len(views) >= 14
    catalog = built.scalar("select current_database()")
    offenders = [f"{s}.{v}" for s, v, sql in views if f"{catalog}." in sql or f'"{catalog}".' in sql]
    assert not offenders, offenders


def test_a_copy_under_another_name_opens_and_every_relation_can_be_queried(built, tmp_path):
    copy = _checkpointed_copy(built, tmp_path / "bi_kopia.duckdb")
    con = duckdb.connect(str(copy), read_only=True)
    relations = _relations(con)
    assert len(relations) > 50
    for schema, name in relations:
        con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()
    con.close()
    # and ATTACHed under an alias (as Superset/Metabase via duckdb-engine or a second database do)
    con = duckdb.connect()
    con.execute(f"attach '{copy}' as bi (read_only)")
    for schema, name in relations:
        con.execute(f'select count(*) from bi."{schema}"."{name}"').fetchone()


def test_seed_and_mart_columns_carry_comments(built):
    missing = built.rows("select schema_name || '.' || table_name || '.' || column_name from duckdb_columns() "
                         "where schema_name in ('konfig', 'kpb', 'indikatorer', 'publicering') "
                         "and (comment is null or trim(comment) = '')")
    assert not missing, missing[:20]


#: a reader in its own process, as a BI tool is (in one process DuckDB shares an open database between
#: connections, so an in-process reader would keep seeing the file it opened first)
READER = r"""
import duckdb, json, sys, time, pathlib
db, mode, out, stop = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
marts = %r

def snapshot(con):
    relations = con.execute("select table_schema, table_name from information_schema.tables "
                            "where table_catalog = current_database() order by 1, 2").fetchall()
    counts = [con.execute(f"select count(*) from {m}").fetchone()[0] for m in marts]
    build_id = con.execute("select bygg_id from publicering.publiceringsregler").fetchone()[0]
    return [[list(r) for r in relations], counts, build_id]

held = duckdb.connect(db, read_only=True) if mode == "hold" else None
with out.open("w") as log:
    while True:
        try:
            if held is not None:
                state = snapshot(held)
            else:
                con = duckdb.connect(db, read_only=True)
                state = snapshot(con)
                con.close()
            log.write(json.dumps({"ok": state}) + "\n")
        except Exception as err:
            log.write(json.dumps({"error": repr(err)}) + "\n")
        log.flush()
        if stop.exists():
            break
        time.sleep(1.0 if held is None else 2.0)
""" % (MARTS,)


def _reader(db: Path, mode: str, out: Path, stop: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", READER, str(db), mode, str(out), str(stop)])


def _states(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def test_readers_during_a_full_build_never_fail_and_never_see_half_a_build(built, tmp_path):
    """A published database from an earlier build; `kommunanalys build` runs; one reader process polls it once a
    second (connect read-only, list relations, count marts, close) and another holds it open throughout. Neither
    fails, every poll sees the whole old or the whole new database, and the build succeeds although a reader holds
    the file."""
    build_dir = tmp_path / "build"
    published = _checkpointed_copy(built, build_dir / "kommunanalys.duckdb")
    stop = tmp_path / "stop"
    holder = _reader(published, "hold", tmp_path / "hold.jsonl", stop)
    poller = _reader(published, "poll", tmp_path / "poll.jsonl", stop)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOMMUNANALYS_", "DBT_"))}
    env.update(KOMMUNANALYS_BUILD_DIR=str(build_dir), DBT_TARGET_PATH=str(tmp_path / "target"),
               DBT_LOG_PATH=str(tmp_path / "logs"))
    try:
        time.sleep(3)
        run = subprocess.run([str(Path(sys.executable).parent / "kommunanalys"), "build", "--raw", str(built.raw),
                              "--derived", str(tmp_path / "derived")],
                             cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=1800)
        time.sleep(3)
    finally:
        stop.touch()
        for proc in (holder, poller):
            proc.wait(timeout=60)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    polls, held = _states(tmp_path / "poll.jsonl"), _states(tmp_path / "hold.jsonl")
    errors = [p["error"] for p in polls + held if "error" in p]
    assert not errors, errors[:5]
    old, new = polls[0]["ok"], polls[-1]["ok"]
    assert new[2] != old[2], "the build did not publish a new database"
    assert new[0] == old[0] and new[1] == old[1], "the same data built twice differs"
    assert len(polls) >= 30, f"only {len(polls)} polls during the build"
    assert all(p["ok"] in (old, new) for p in polls), "a reader saw neither the old nor the new database"
    assert all(h["ok"] == old for h in held), "the reader holding the file open saw it change under it"
    assert not (build_dir / ".bygge" / "kommunanalys.duckdb.wal").exists()
