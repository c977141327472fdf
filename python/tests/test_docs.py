"""Documentation is part of done: every model and seed in the built database, and every one of its columns, has a
description in the manifest (what the docs site and the DuckDB catalog comments show)."""

from __future__ import annotations

import json


def test_every_model_and_column_is_described(built):
    manifest = json.loads((built.target / "manifest.json").read_text(encoding="utf-8"))
    missing = []
    for node in manifest["nodes"].values():
        if node["resource_type"] not in ("model", "seed"):
            continue
        schema, name = node["schema"], node.get("alias") or node["name"]
        columns = [r[0] for r in built.rows(
            "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
            [schema, name])]
        assert columns, f"{schema}.{name} is not in the built database"
        if not node.get("description", "").strip():
            missing.append(f"{schema}.{name}")
        missing += [f"{schema}.{name}.{c}" for c in columns
                    if not node["columns"].get(c, {}).get("description", "").strip()]
    assert not missing, "undescribed:\n" + "\n".join(missing)


def test_public_marts_have_enforced_contracts(built):
    manifest = json.loads((built.target / "manifest.json").read_text(encoding="utf-8"))
    marts = [n for n in manifest["nodes"].values()
             if n["resource_type"] == "model" and n["schema"] in ("kpb", "indikatorer")]
    assert len(marts) >= 12
    for node in marts:
        assert node["access"] == "public", node["name"]
        assert node["config"]["contract"]["enforced"], node["name"]
