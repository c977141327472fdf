"""The runner's summary after a build: which areas were built from which delivered files, which sources had none.

Read from staging.radavstamning (one row per file read, with raw, used, quarantined and replaced rows).
"""

from __future__ import annotations

import duckdb

# area -> the sources it needs (system, table) and those that only add to it
AREAS = {
    "KPB": ([("ekonomi", "huvudbok"), ("verksamhet", "insatser")], [("scb", "befolkning")]),
    "UKD/samverkan": ([("region", "vardtillfallen"), ("samsa", "utskrivning")], []),
    "SIP": ([("samsa", "sip")], [("enkat", "sip_delaktighet_blad"), ("granskning", "sip_granskning"),
                                 ("tid", "sip_tid"), ("region", "kva"), ("ekonomi", "budget")]),
    "Kolada": ([], [("extern", "kolada")]),
    # issue 23: the samverkan group's optional sources, each adding its own indicators
    "Samverkan och nära vård": ([], [("avvikelser", "avvikelser"), ("primarvard", "kontakter"),
                                     ("nationell_enkat", "andelar")]),
}


def files_per_source(con) -> dict[tuple[str, str], list[tuple[str, int, int, int, int]]]:
    rows = con.execute(
        "select kalla_system, kalla_tabell, kalla_fil, raw_rader, anvanda_rader, karantan_rader, ersatta_rader "
        "from staging.radavstamning order by kalla_system, kalla_tabell, kalla_fil").fetchall()
    out: dict[tuple[str, str], list] = {}
    for system, tabell, fil, raw, used, quar, repl in rows:
        out.setdefault((system, tabell), []).append((fil, raw, used, quar, repl))
    return out


def summary_lines(con) -> list[str]:
    try:
        files = files_per_source(con)
    except Exception:  # a build that stopped before staging: nothing to summarise
        return []
    lines = []
    for area, (needed, optional) in AREAS.items():
        missing = [f"{s}/{t}" for s, t in needed if not files.get((s, t))]
        status = "built" if not missing else "NOT built (no file: " + ", ".join(missing) + ")"
        if not needed:
            status = "built" if any(files.get(k) for k in optional) else "no files (optional)"
        lines.append(f"{area}: {status}")
        for source in needed + optional:
            delivered = files.get(source) or []
            if not delivered:
                if source in optional:
                    lines.append(f"  {source[0]}/{source[1]}: no file")
                continue
            for fil, raw, used, quar, repl in delivered:
                extra = f", {repl} replaced by later files" if repl else ""
                lines.append(f"  {fil}: {used} of {raw} rows used, {quar} quarantined{extra}")
    lines += not_computed_lines(con)
    return lines


def not_computed_lines(con) -> list[str]:
    """What indikatorer.utfall could not compute, per reason (indikatorer.utfall_saknas), one line each."""
    # saknade_kallor is each indicator's own list ('region/vardtillfallen, samsa/utskrivning'): every source named
    # once, in order
    try:
        rows = con.execute(
            "select orsak_typ, count(distinct indikator_id), "
            "string_agg(distinct nullif(trim(kalla), ''), ', ' order by nullif(trim(kalla), '')) "
            "from indikatorer.utfall_saknas, unnest(string_split(coalesce(saknade_kallor, ''), ',')) as k(kalla) "
            "group by orsak_typ order by orsak_typ").fetchall()
    except duckdb.Error:  # a build that stopped before the indicators
        return []
    text = {"ej_berakningsbar": "not computable from the input contract",
            "kalla_saknas": "a delivery missing",
            "inga_varden": "no values in the data delivered"}
    lines = []
    for orsak, antal, kallor in rows:
        missing = f" ({kallor})" if orsak == "kalla_saknas" and kallor else ""
        lines.append(f"Indicators not computed, {text.get(orsak, orsak)}: {antal}{missing}"
                     " - listed in indikatorer.utfall_saknas")
    return lines
