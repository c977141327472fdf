"""The descriptions users see are Swedish (issue 23, item 5): every model and column description of the published
layer (models/publicerat/*.yml) is what persist_docs writes as the DuckDB comment of the published relations and
what the export's sheet *Kolumner* shows, so none of them may be English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kommunanalys.paths import PROJECT_ROOT

PUBLICERAT_YAML = sorted((PROJECT_ROOT / "models" / "publicerat").glob("_publicerat*.yml"))

# Common English words that are not Swedish words: one of them as a whole word means an untranslated text.
ENGELSKA_ORD = ["the", "of", "and", "which", "where", "when", "with", "without", "from", "is", "are", "be",
                "been", "built", "hidden", "value", "values", "every", "each", "only", "not", "this", "that",
                "than", "none", "whose"]
ENGELSKT = re.compile(r"(?<![\w`])(" + "|".join(re.escape(w) for w in ENGELSKA_ORD) + r")(?![\w`])", re.IGNORECASE)


def _beskrivningar() -> list[tuple[str, str]]:
    """(where, description) for every model and column of the published YAML files."""
    out = []
    for path in PUBLICERAT_YAML:
        for model in yaml.safe_load(path.read_text(encoding="utf-8"))["models"]:
            out.append((f"{path.name}: {model['name']}", model.get("description", "")))
            for column in model.get("columns", []):
                out.append((f"{path.name}: {model['name']}.{column['name']}", column.get("description", "")))
    return out


def engelska_ord(text: str) -> list[str]:
    """The English words of a description, outside `code spans` (identifiers may be anything)."""
    return [m.group(1) for m in ENGELSKT.finditer(re.sub(r"`[^`]*`", "", text))]


def test_kontrollen_hittar_engelska():
    # the check itself: the old English texts fail, Swedish ones with identifiers pass
    assert engelska_ord("Month 1-12; every month of the year is listed, delivered or not.") == [
        "every", "of", "the", "is", "not"]
    assert engelska_ord("Distinct persons the value is built on.") == ["the", "value", "is", "built"]
    assert engelska_ord("Sant när värdet döljs; is_mal_uppfyllt och `the_value` är tomma.") == []


def test_publicerade_beskrivningar_ar_svenska():
    beskrivningar = _beskrivningar()
    assert len(PUBLICERAT_YAML) >= 3 and len(beskrivningar) > 350
    saknas = [var for var, text in beskrivningar if not text.strip()]
    assert not saknas, f"descriptions missing: {saknas}"
    engelska = [(var, engelska_ord(text)) for var, text in beskrivningar if engelska_ord(text)]
    assert not engelska, f"{len(engelska)} descriptions with English words, e.g. {engelska[:5]}"
    # and Swedish in fact: most descriptions carry an å, ä or ö or a common Swedish word
    svenska = [t for _, t in beskrivningar
               if re.search(r"[åäöÅÄÖ]|\b(och|eller|för|när|som|av|i|på|med|utan|per)\b", t)]
    assert len(svenska) > 0.8 * len(beskrivningar)


@pytest.fixture(scope="module")
def analysgrupper_byggd(tmp_path_factory):
    """A small build: the seed analysgrupper and publicerat_analysgrupper only (persist_docs writes the comments)."""
    from .conftest import build_project
    return build_project(tmp_path_factory.mktemp("beskrivningar"), select=["+publicerat_analysgrupper"])


def test_duckdb_kommentaren_ar_den_svenska_texten(analysgrupper_byggd: object):
    con = analysgrupper_byggd.con
    kolumn = con.execute(
        "select comment from duckdb_columns() where schema_name = 'publicerat' and table_name = 'analysgrupper'"
        " and column_name = 'analysgrupp_namn'").fetchone()
    assert kolumn is not None and kolumn[0].strip() == "Analysgruppens namn så som webbplatsen visar det."
    tabell = con.execute("select comment from duckdb_tables() where schema_name = 'publicerat'"
                         " and table_name = 'analysgrupper'").fetchone()
    assert tabell is not None and tabell[0].startswith("Samverkans analysgrupper och deras medlemmar")
    # every comment of the relation is the YAML's Swedish text, none English
    kommentarer = con.execute("select column_name, comment from duckdb_columns() where schema_name = 'publicerat'"
                              " and table_name = 'analysgrupper'").fetchall()
    assert kommentarer and all(c and not engelska_ord(c) for _, c in kommentarer)
