"""Build the test session's demo (same generator seed and fixtures as python/tests/conftest.py) into a folder and
write every public mart (schemas kpb and indikatorer) as CSV sorted by all columns, plus a hash per table.

Used to prove that a refactor or a performance change leaves the marts identical:

    .venv/bin/python scripts/snapshot_marts.py build/snap-before
    ... change the project ...
    .venv/bin/python scripts/snapshot_marts.py build/snap-after
    .venv/bin/python scripts/snapshot_marts.py --compare build/snap-before build/snap-after

The comparison is a set difference both ways per table (rows only in before, rows only in after).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SCHEMAS = ("kpb", "indikatorer")


def snapshot(out: Path) -> None:
    from python.tests.conftest import build_project  # the same build as the test session

    out.mkdir(parents=True, exist_ok=True)
    built = build_project(out / "bygge")
    con = built.con
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        f"where table_schema in {SCHEMAS} order by 1, 2"
    ).fetchall()
    hashes = {}
    for schema, table in tables:
        cols = [r[0] for r in con.execute(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
            "order by ordinal_position", [schema, table]).fetchall()]
        order = ", ".join(f'"{c}"' for c in cols)
        path = out / f"{schema}.{table}.csv"
        con.execute(f"copy (select * from {schema}.{table} order by {order}) to '{path}' (header, delimiter ',')")
        hashes[f"{schema}.{table}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (out / "hashes.json").write_text(json.dumps(hashes, indent=2, sort_keys=True))
    print(f"{len(hashes)} tables written to {out}")


def compare(before: Path, after: Path) -> int:
    import duckdb

    hb = json.loads((before / "hashes.json").read_text())
    ha = json.loads((after / "hashes.json").read_text())
    bad = 0
    for name in sorted(set(hb) | set(ha)):
        if name not in ha or name not in hb:
            print(f"{name}: only in {'before' if name in hb else 'after'}")
            bad += 1
            continue
        if hb[name] == ha[name]:
            continue
        con = duckdb.connect()
        b = f"read_csv('{before / (name + '.csv')}', all_varchar = true)"
        a = f"read_csv('{after / (name + '.csv')}', all_varchar = true)"
        cols_b = [r[0] for r in con.execute(f"describe select * from {b}").fetchall()]
        cols_a = [r[0] for r in con.execute(f"describe select * from {a}").fetchall()]
        if cols_b != cols_a:
            print(f"{name}: columns only before {sorted(set(cols_b) - set(cols_a))}, "
                  f"only after {sorted(set(cols_a) - set(cols_b))}; rows compared on the common columns")
            common = ", ".join(f'"{c}"' for c in cols_b if c in cols_a)
            b, a = f"(select {common} from {b})", f"(select {common} from {a})"
        only_b = con.execute(f"select count(*) from (select * from {b} except all select * from {a})").fetchone()[0]
        only_a = con.execute(f"select count(*) from (select * from {a} except all select * from {b})").fetchone()[0]
        print(f"{name}: {only_b} rows only before, {only_a} rows only after")
        bad += 1
    print("identical" if not bad else f"{bad} tables differ", f"({len(hb)} tables)")
    return 1 if bad else 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    p.add_argument("out", nargs="?", type=Path)
    a = p.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    snapshot(a.out)
