"""Exports of the published layer for economists and BI tools (`kommunanalys export`).

Everything aggregated is exported from the schema **publicerat**, the published layer dbt builds with the one
suppression rule (models/publicerat/, macros/publicering.sql): the export has no query of its own, so the site, its
PDFs, the export and a BI tool pointed at `publicerat` show the same figures. Person-level marts (one row per person,
episode or plan) are exported as they are, into their own folder `personniva/`, for those entitled to them.

    <out>/kommunanalys.xlsx            front sheet (build, data period, suppression rule), column descriptions,
                                       one sheet per published relation
    <out>/publicerat/<name>.csv        Swedish Excel CSV: ';', decimal comma, UTF-8 with BOM, text quoted
    <out>/publicerat/<name>.parquet    typed (DECIMAL stays DECIMAL)
    <out>/personniva/<schema>/<table>.{csv,parquet}
    <out>/manifest.json                build time, version, data period per source, rows, hashes, threshold,
                                       which files are person-level, columns and types per file

`kommun` (`kommunanalys export --kommun 0880`) writes one municipality's package: of every relation with a
kommun_kod column only that municipality's rows (published and person-level alike), of a list of units (the analysis
groups) its non-municipal units and that municipality; relations without either (catalogues, the rule, the data
period) are whole. Rows are in key order, so two exports of the same build hold the
same content (the manifest's hashes).
"""

from __future__ import annotations

import json
import math
import re
import shutil
from datetime import date, datetime, timezone
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import duckdb
import pandas as pd

from .publish import open_reader
from .syntetisk import file_hash

PUBLISHED_SCHEMA = "publicerat"
MART_SCHEMAS = ("kpb", "indikatorer")

#: public marts with one row per person, episode or plan: exported unsuppressed, only into personniva/
PERSON_LEVEL = (
    ("kpb", "brukarkostnad"),
    ("kpb", "brukare"),
    ("indikatorer", "betalningsansvar_individ"),
    ("indikatorer", "sip"),
    ("indikatorer", "sip_kostnad_plan"),
    ("indikatorer", "utskrivningsklara_vardtillfalle"),
)


def relations(con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...]) -> list[tuple[str, str]]:
    marks = ", ".join("?" for _ in schemas)
    return [tuple(r) for r in con.execute(
        f"select table_schema, table_name from information_schema.tables where table_schema in ({marks}) "
        "order by 1, 2", list(schemas)).fetchall()]


def columns_of(con: duckdb.DuckDBPyConnection, schema: str, table: str, catalog: str | None = None) -> list[str]:
    return [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "and (? is null or table_catalog = ?) order by ordinal_position", [schema, table, catalog, catalog]).fetchall()]


def _comments(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table, column, comment in con.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = ?", [schema]).fetchall():
        out.setdefault(table, {})[column] = (comment or "").strip()
    return out


def read_sql(con: duckdb.DuckDBPyConnection, schema: str, table: str, kommun: str | None,
             catalog: str | None = None) -> str:
    """The export's read of one relation: all of it (published or person-level), or one municipality's rows. No
    rule of its own: a whole read of a relation the build wrote, in key order. `catalog`: an attached database."""
    if kommun is not None and not re.fullmatch(r"\d{4}", kommun):
        raise ValueError(f"kommun must be a four-digit municipality code, got {kommun!r}")
    cols = columns_of(con, schema, table, catalog)
    where = ""
    if kommun is not None and "kommun_kod" in cols:
        where = f" where kommun_kod = '{kommun}'"
    elif kommun is not None and {"enhetstyp", "enhet_kod"} <= set(cols):
        # a list of units (publicerat.analysgrupper): its hospitals and primary care, and of the municipalities only
        # this one, so that no other municipality is named in its package
        where = f" where enhetstyp <> 'kommun' or enhet_kod = '{kommun}'"
    name = (f'"{catalog}".' if catalog else "") + f'"{schema}"."{table}"'
    return f"select * from {name}{where} order by " + ", ".join(f'"{c}"' for c in cols)


def _csv_field(value) -> str:
    """One field of the Swedish Excel CSV: text quoted (so a code such as 0880 is text to a reader that honours
    quotes), numbers unquoted with a decimal comma and no thousands separator, dates ISO, NULL empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value).replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if (value.hour, value.minute, value.second) != (0, 0, 0) \
            else value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return '"' + str(value).replace('"', '""') + '"'


def _write_csv(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> None:
    """Swedish Excel CSV: ';', decimal comma, UTF-8 with BOM, CRLF, text quoted; DECIMALs exact (no float)."""
    cur = con.execute(sql)
    header = [d[0] for d in cur.description]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(";".join(_csv_field(h) for h in header) + "\r\n")
        while rows := cur.fetchmany(10_000):
            handle.writelines(";".join(_csv_field(v) for v in row) + "\r\n" for row in rows)


def _write_parquet(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> None:
    con.execute(f"copy ({sql}) to '{path}' (format parquet)")


def export_marts(db: Path, out: Path, formats: tuple[str, ...] = ("parquet", "csv", "xlsx"),
                 kommun: str | None = None) -> list[Path]:
    """Write the export of the published database `db` into `out` (replaced); return the files written. With
    `kommun`, only that municipality's rows (see the module's description)."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    con = open_reader(db)
    written: list[Path] = []
    files: list[dict] = []
    try:
        threshold, built_at, build_id = con.execute(
            "select undertryck_min_personer, byggd_tid, bygg_id from publicering.publiceringsregler").fetchone()
        period = con.execute("select kalla_system, kalla_tabell, period_fran, period_till, antal_rader "
                             "from publicering.dataperiod order by 1, 2").df()
        if kommun is not None and not con.execute(
                f"select count(*) from {PUBLISHED_SCHEMA}.kommuner where kommun_kod = ?", [kommun]).fetchone()[0]:
            raise ValueError(f"kommun {kommun} is not in this build ({PUBLISHED_SCHEMA}.kommuner)")
        comments = _comments(con, PUBLISHED_SCHEMA)
        published = [t for _, t in relations(con, (PUBLISHED_SCHEMA,))]
        if not published:
            raise RuntimeError(f"{db} has no schema {PUBLISHED_SCHEMA}: build it with `kommunanalys build`")
        missing = [f"{s}.{t}" for s, t in relations(con, MART_SCHEMAS)
                   if t not in published and (s, t) not in PERSON_LEVEL]
        if missing:
            raise RuntimeError("public marts neither published (models/publicerat/) nor listed as person-level in "
                               f"export.PERSON_LEVEL: {', '.join(missing)}")
        sheets: dict[str, pd.DataFrame] = {}
        descriptions = []

        def record(path: Path, name: str, df: pd.DataFrame, person_level: bool, sources) -> None:
            written.append(path)
            files.append({
                "path": path.relative_to(out).as_posix(), "name": name, "format": path.suffix[1:],
                "rows": int(len(df)), "sha256": file_hash(path), "person_level": person_level,
                "columns": [{"name": c, "type": t} for c, t in zip(df.columns, df.attrs["types"])],
                "sources": [f"{s}.{t}" for s, t in sources],
            })

        def fetch(sql: str) -> pd.DataFrame:
            rel = con.sql(sql)
            df = rel.df()
            df.attrs["types"] = [str(t) for t in rel.types]
            return df

        for name in published:
            sql = read_sql(con, PUBLISHED_SCHEMA, name, kommun)
            sources = [(PUBLISHED_SCHEMA, name)]
            folder = out / PUBLISHED_SCHEMA
            folder.mkdir(parents=True, exist_ok=True)
            df = fetch(sql)
            sheets[name] = df
            for column, typ in zip(df.columns, df.attrs["types"]):
                descriptions.append({"blad": name, "kolumn": column, "typ": typ,
                                     "beskrivning": comments.get(name, {}).get(column, ""),
                                     "kalla": f"{PUBLISHED_SCHEMA}.{name}"})
            if "parquet" in formats:
                _write_parquet(con, sql, folder / f"{name}.parquet")
                record(folder / f"{name}.parquet", name, df, False, sources)
            if "csv" in formats:
                _write_csv(con, sql, folder / f"{name}.csv")
                record(folder / f"{name}.csv", name, df, False, sources)

        for schema, table in PERSON_LEVEL:
            if (schema, table) not in set(relations(con, MART_SCHEMAS)):
                continue
            if kommun is not None and "kommun_kod" not in columns_of(con, schema, table):
                raise RuntimeError(f"{schema}.{table} has no kommun_kod: a municipality's package cannot hold it")
            sql = read_sql(con, schema, table, kommun)
            folder = out / "personniva" / schema
            folder.mkdir(parents=True, exist_ok=True)
            df = fetch(sql)
            if "parquet" in formats:
                _write_parquet(con, sql, folder / f"{table}.parquet")
                record(folder / f"{table}.parquet", table, df, True, [(schema, table)])
            if "csv" in formats:
                _write_csv(con, sql, folder / f"{table}.csv")
                record(folder / f"{table}.csv", table, df, True, [(schema, table)])

        exported_at = datetime.now(timezone.utc).replace(microsecond=0)
        rule = (f"Antal personer under {threshold} (var undertryck_min_personer) och värden byggda på dem visas inte "
                "(tom cell, is_undertryckt = true), inte heller värden som skulle ge tillbaka ett dolt värde (kompletterande "
                "undertryckning). Gäller allt utom mappen personniva/.")
        if "xlsx" in formats:
            path = out / "kommunanalys.xlsx"
            _write_xlsx(path, sheets, pd.DataFrame(descriptions), period, threshold, built_at, exported_at, rule)
            written.append(path)
            files.append({"path": path.name, "name": "kommunanalys", "format": "xlsx", "person_level": False,
                          "rows": int(sum(len(d) for d in sheets.values())), "sha256": file_hash(path),
                          "sheets": ["Om exporten", "Kolumner", *sheets]})
        manifest = {
            "project": "kommunanalys",
            "project_version": _version(),
            "build_time": built_at.isoformat(),
            "build_id": build_id,
            "export_time": exported_at.isoformat(),
            "database": str(Path(db).name),
            "kommun": kommun,
            "suppression": {"undertryck_min_personer": threshold, "rule": rule,
                            "applies_to": "every file except personniva/"},
            "data_period": [
                {"source": f"{r.kalla_system}.{r.kalla_tabell}",
                 "from": None if pd.isna(r.period_fran) else str(r.period_fran)[:10],
                 "to": None if pd.isna(r.period_till) else str(r.period_till)[:10],
                 "rows": int(r.antal_rader)} for r in period.itertuples()],
            "person_level_files": [f["path"] for f in files if f["person_level"]],
            "files": files,
        }
        path = out / "manifest.json"
        path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    finally:
        con.close()
    return written


def _version() -> str:
    try:
        return version("kommunanalys")
    except PackageNotFoundError:  # pragma: no cover - running from a checkout without install
        return "unknown"


def _write_xlsx(path: Path, sheets: dict[str, pd.DataFrame], descriptions: pd.DataFrame, period: pd.DataFrame,
                threshold: int, built_at, exported_at, rule: str) -> None:
    from openpyxl.utils import get_column_letter

    front = pd.DataFrame([
        ("Innehåll", "Martarna i kommunanalys: KPB (kostnad per brukare) och samverkansindikatorer"),
        ("Byggd", str(built_at)[:19] + " (UTC)"),
        ("Exporterad", exported_at.strftime("%Y-%m-%d %H:%M:%S") + " (UTC)"),
        ("Version", _version()),
        ("Undertryckning", rule),
        ("Tröskel (personer)", threshold),
        ("Kolumnbeskrivningar", "bladet Kolumner"),
        ("Personnivå", "ingår inte i arbetsboken; se mappen personniva/ (behörighet krävs)"),
    ], columns=["Uppgift", "Värde"])
    period_sheet = period.rename(columns={"kalla_system": "Källsystem", "kalla_tabell": "Källtabell",
                                          "period_fran": "Från", "period_till": "Till", "antal_rader": "Rader"})
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        front.to_excel(writer, sheet_name="Om exporten", index=False)
        period_sheet.to_excel(writer, sheet_name="Om exporten", index=False, startrow=len(front) + 2)
        descriptions.to_excel(writer, sheet_name="Kolumner", index=False)
        for name, df in sheets.items():
            df.to_excel(writer, sheet_name=name[:31], index=False)
        for ws in writer.book.worksheets:
            ws.freeze_panes = "A2"
            for idx, column in enumerate(ws.iter_cols(min_row=1, max_row=min(ws.max_row, 200)), start=1):
                width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
                ws.column_dimensions[get_column_letter(idx)].width = min(max(width + 2, 8), 80)
