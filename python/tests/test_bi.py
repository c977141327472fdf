"""A BI tool's path to the data (README, "Connecting a BI tool"): SQLAlchemy with duckdb-engine, the versions of the
`bi` extra, opens the built database read-only and lists the published layer's tables, columns and comments; what it
reads is the published layer, suppressed. Run in a subprocess: the session's in-process dbt holds the file
read-write and locks it, so the test reads a checkpointed copy (as a BI tool reads the published file)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib

from kommunanalys.paths import PROJECT_ROOT

SCRIPT = r"""
import json, sys
import sqlalchemy as sa
engine = sa.create_engine(f"duckdb:///{sys.argv[1]}", connect_args={"read_only": True})
insp = sa.inspect(engine)
out = {"sqlalchemy": sa.__version__, "tables": {}}
for table in insp.get_table_names(schema="publicerat"):
    out["tables"][table] = {
        "comment": insp.get_table_comment(table, schema="publicerat")["text"],
        "columns": {c["name"]: c.get("comment") for c in insp.get_columns(table, schema="publicerat")},
    }
with engine.connect() as con:
    out["hidden"] = con.execute(sa.text(
        "select count(*) from publicerat.betalningsansvar where betalningsbelopp is null "
        "and betalningsbelopp_totalt is not null")).scalar()
    out["rows"] = con.execute(sa.text("select count(*) from publicerat.utfall")).scalar()
    try:
        con.execute(sa.text("create table publicerat.x (a int)"))
        out["writable"] = True
    except Exception:
        out["writable"] = False
print(json.dumps(out))
"""


def test_bi_extra_pins_what_works_with_the_pinned_duckdb():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bi = project["optional-dependencies"]["bi"]
    assert "sqlalchemy==2.0.44" in bi and any(d.startswith("duckdb-engine==") for d in bi)
    assert set(bi) <= set(project["optional-dependencies"]["dev"])
    assert "duckdb==1.5.2" in project["dependencies"]


def test_sqlalchemy_lists_the_published_tables_columns_and_comments_read_only(built, tmp_path):
    built.con.execute("checkpoint")
    copy = tmp_path / "kommunanalys.duckdb"
    shutil.copyfile(built.db, copy)
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(copy)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout)
    assert out["sqlalchemy"] == "2.0.44"
    tables = out["tables"]
    assert {"insatskostnad", "utfall", "betalningsansvar", "sip_antal", "kommuner", "regler"} <= set(tables)
    names = [r[0] for r in built.rows(
        "select table_name from information_schema.tables where table_schema = 'publicerat' order by 1")]
    assert sorted(tables) == names
    for table, info in tables.items():
        assert info["comment"] and info["comment"].strip(), table
        assert all(c and c.strip() for c in info["columns"].values()), (table, info["columns"])
    assert "fk_ersattning" in tables["insatskostnad"]["columns"]
    assert "is_undertryckt" in tables["utfall"]["columns"]
    assert out["hidden"] == 0
    assert out["rows"] == built.scalar("select count(*) from publicerat.utfall")
    assert out["writable"] is False
