"""Export the public marts (schemas kpb and indikatorer) to Parquet and CSV for BI tools and archives.

Only the public marts leave the database: they hold person_id pseudonyms, never personnummer. Rows are written in
key order so that two exports of the same build are byte-identical.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

PUBLIC_SCHEMAS = ("kpb", "indikatorer")


def public_relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('kpb', 'indikatorer') order by 1, 2"
    ).fetchall()


def export_marts(db: Path, out: Path, formats: tuple[str, ...] = ("parquet", "csv")) -> list[Path]:
    """Write every public mart to out/<schema>/<table>.<format>; return the files written."""
    written: list[Path] = []
    con = duckdb.connect(str(db))
    try:
        for schema, table in public_relations(con):
            cols = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "order by ordinal_position", [schema, table]).fetchall()]
            order = ", ".join(f'"{c}"' for c in cols)
            folder = out / schema
            folder.mkdir(parents=True, exist_ok=True)
            for fmt in formats:
                path = folder / f"{table}.{fmt}"
                options = "(format parquet)" if fmt == "parquet" else "(format csv, header, delimiter ';')"
                con.execute(f'copy (select * from "{schema}"."{table}" order by {order}) to \'{path}\' {options}')
                written.append(path)
    finally:
        con.close()
    return written
