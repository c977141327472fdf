"""Compiling has no side effects and no machine paths (issue 20, part 1).

`dbt compile` on a copy of the built demo database must leave every table and view of it as it was (the same
relations, row counts, a checksum of every row, the views' definitions), write no file in the data folders (the
pre-read check names the UTF-8 copy a Windows-1252 delivery is read through, but writes it only when the model
runs), and no compiled file may name a folder of this machine: the files are read under the DuckDB variables
kommunanalys_raw_root / kommunanalys_derived_root that the plugin sets (macros/staging/raw_filer.sql, rot_relativ).
Nor does a base model's compiled SQL depend on the files delivered: it reads the lists of files that its pre-hook
sets when the model runs (macros/staging/granskning.sql, granska_kallan), so two data folders with different files
compile to the same SQL.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from kommunanalys.dbt import run_dbt
from kommunanalys.paths import PROJECT_ROOT
from kommunanalys.syntetisk import register_synthetic

# a ledger delivery with a character Windows-1252 has and Latin-1 lacks (the euro sign, byte 0x80): the pre-read
# check reads it through a UTF-8 copy under <derived>/omkodade, which compiling must not write
WINDOWS_1252 = ("kommun_kod;period;konto;ansvar;verksamhet;aktivitet;projekt;motpart;belopp\n"
                "0880;202403;5011;Hemtjänst Söder;51010;Omvårdnad €;;;10,00\n").encode("cp1252")


def _databas(db: Path) -> dict[str, tuple]:
    """relation -> (type, rows, checksum of all rows, view definition) of every table and view."""
    # not read_only: dbt may still hold the file in this process (conftest)
    with duckdb.connect(str(db)) as con:
        relationer = con.execute(
            "select table_schema, table_name, table_type from information_schema.tables "
            "where table_catalog = current_database() order by 1, 2").fetchall()
        vyer = dict(((s, n), sql) for s, n, sql in con.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal").fetchall())
        ut = {}
        for schema, namn, typ in relationer:
            if typ == "VIEW":
                ut[f"{schema}.{namn}"] = (typ, None, None, vyer.get((schema, namn)))
                continue
            antal, summa = con.execute(
                f'select count(*), sum(hash(t)::hugeint) from "{schema}"."{namn}" as t').fetchone()
            ut[f"{schema}.{namn}"] = (typ, antal, summa, None)
        return ut


def _filer(*mappar: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns)
            for m in mappar for p in sorted(m.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def kompilerat(built, tmp_path_factory):
    base = tmp_path_factory.mktemp("kompilering")
    built.con.execute("checkpoint")
    db = base / "kopia.duckdb"
    shutil.copy2(built.db, db)
    raw, derived = base / "raw", base / "derived"
    shutil.copytree(built.raw, raw)
    shutil.copytree(built.derived, derived)
    (raw / "ekonomi" / "huvudbok_209901.csv").write_bytes(WINDOWS_1252)
    register_synthetic(raw, ["ekonomi/huvudbok_209901.csv"])  # hand-written synthetic rows: the demo key may read them
    fore_db, fore_filer = _databas(db), _filer(raw, derived)
    miljo = {"KOMMUNANALYS_RAW_ROOT": raw, "KOMMUNANALYS_DERIVED_ROOT": derived, "KOMMUNANALYS_DB": db,
             "DBT_TARGET_PATH": base / "target", "DBT_LOG_PATH": base / "logs"}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in miljo.items():
            mp.setenv(k, str(v))
        run_dbt(["compile"], progress=False)
    return {"fore_db": fore_db, "efter_db": _databas(db), "fore_filer": fore_filer,
            "efter_filer": _filer(raw, derived), "target": base / "target", "mappar": [raw, derived, db, base]}


def test_compile_leaves_every_table_and_view_of_the_database_unchanged(kompilerat):
    fore, efter = kompilerat["fore_db"], kompilerat["efter_db"]
    # the demo's database: the staging, KPB and indicator tables and the incremental state are all compared
    assert len(fore) > 100
    assert "staging.leveransfilhistorik_huvudbok" in fore and "staging.leveransfiler" in fore
    assert fore["staging.base_ekonomi__huvudbok_per_fil"][1] > 0
    assert sorted(fore) == sorted(efter), set(fore) ^ set(efter)
    andrade = [n for n in fore if fore[n] != efter[n]]
    assert not andrade, andrade


def test_compile_writes_no_file_in_the_data_folders(kompilerat):
    fore, efter = kompilerat["fore_filer"], kompilerat["efter_filer"]
    assert sorted(efter) == sorted(fore), set(efter) ^ set(fore)
    assert [f for f in fore if fore[f] != efter[f]] == []
    # the Windows-1252 file's copy was named in the compiled SQL, not written
    assert not any(f.endswith("huvudbok_209901.csv") and "omkodade" in f for f in efter)


def test_no_compiled_file_names_a_folder_of_this_machine(kompilerat):
    target = kompilerat["target"] / "compiled"
    filer = [p for p in target.rglob("*.sql")]
    assert len(filer) > 100
    mappar = {str(PROJECT_ROOT), *(str(m) for m in kompilerat["mappar"]),
              *(str(Path(m).resolve()) for m in kompilerat["mappar"])}
    traffar = [f"{p.relative_to(target)}: {m}" for p in filer for m in mappar if m in p.read_text(encoding="utf-8")]
    assert not traffar, traffar[:10]
    # the base models read the lists of files their pre-hook sets at run time: no delivered file is named
    huvudbok = next(target.rglob("base_ekonomi__huvudbok_per_fil.sql")).read_text(encoding="utf-8")
    assert "read_csv(getvariable('kommunanalys_lasning_base_ekonomi__huvudbok_per_fil_utf8')" in huvudbok
    assert "read_csv(getvariable('kommunanalys_lasning_base_ekonomi__huvudbok_per_fil_latin1')" in huvudbok
    assert "huvudbok_2023" not in huvudbok and "omkodade" not in huvudbok


def _basmodeller(target: Path) -> dict[str, bytes]:
    return {p.relative_to(target).as_posix(): p.read_bytes()
            for p in sorted((target / "compiled").rglob("models/staging/*/base/*.sql"))}


def test_base_models_compile_to_the_same_sql_whatever_files_are_delivered(kompilerat, tmp_path):
    """A second data folder elsewhere, with other files: a ledger file withdrawn, a Latin-1 delivery (with å)
    beside the UTF-8 ones, a population file renamed, no Kolada response at all, the Windows-1252 ledger file
    of the first folder absent. Every base model compiles to byte-identical SQL."""
    raw, derived = tmp_path / "annan_raw", tmp_path / "annan_derived"
    shutil.copytree(kompilerat["mappar"][0], raw)
    shutil.copytree(kompilerat["mappar"][1], derived)
    (raw / "ekonomi" / "huvudbok_209901.csv").unlink()
    (raw / "ekonomi" / "huvudbok_2023.csv").unlink()
    befolkning = sorted((raw / "scb").glob("befolkning*.csv"))[0]
    befolkning.rename(befolkning.with_name("befolkning_omdopt.csv"))
    (raw / "region" / "kva_latin1.csv").write_bytes(
        "vardkontakt_id;personnummer;kommun_kod;datum;kva_kod;enhet_id;halsovalsenhet;klinik\n"
        "X1;;0880;2024-01-01;AB123;Kärna;;\n".encode("latin-1"))
    kolada = sorted((raw / "extern").rglob("*.json"))
    assert kolada
    for f in kolada:
        f.unlink()
    target = tmp_path / "target"
    with pytest.MonkeyPatch.context() as mp:
        for k, v in {"KOMMUNANALYS_RAW_ROOT": raw, "KOMMUNANALYS_DERIVED_ROOT": derived,
                     "KOMMUNANALYS_DB": tmp_path / "kopia.duckdb", "DBT_TARGET_PATH": target,
                     "DBT_LOG_PATH": tmp_path / "logs"}.items():
            mp.setenv(k, str(v))
        shutil.copy2(kompilerat["mappar"][2], tmp_path / "kopia.duckdb")
        run_dbt(["compile", "--select", "path:models/staging"], progress=False)
    forsta, andra = _basmodeller(kompilerat["target"]), _basmodeller(target)
    assert len(forsta) >= 17 and "base_ekonomi__huvudbok_per_fil.sql" in " ".join(forsta)
    assert sorted(andra) == sorted(forsta)
    olika = [namn for namn in forsta if forsta[namn] != andra[namn]]
    assert not olika, olika
