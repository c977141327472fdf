"""Comparison values as saved from the Kolada API v2 `data` endpoint (extern/kolada/<kpi>.json).

Values are drawn around the published national magnitudes of domain.md §1.7–1.8 (2023 price level, about 3 % a
year for the cost KPIs), for the generated municipalities, a few others and the country ('0000'). The
utskrivningsklara and readmission KPIs are also given per sex (K, M), as Kolada publishes them.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

#: KPI → (national value 2023, yearly change factor, spread between municipalities, per sex?)
KPIER: dict[str, tuple[float, float, float, bool]] = {
    "U21003": (540.0, 1.03, 0.08, False),   # hemtjänst egen regi, kr per beviljad timme
    "U21005": (3_400.0, 1.03, 0.15, False),  # korttidsboende, kr per dygn
    "U23004": (2_350.0, 1.03, 0.10, False),  # särskilt boende, kr per dygn
    "U23008": (290.0, 1.03, 0.20, False),    # HSL-insatser i särskilt boende, kr per dygn
    "U25012": (380.0, 1.02, 0.05, False),    # personlig assistans SFB brutto, kr per timme
    "U28030": (4_100.0, 1.03, 0.18, False),  # gruppbostad LSS, kr per dygn
    "U28031": (1_050.0, 1.03, 0.15, False),  # daglig verksamhet LSS, kr per dag
    "N20403": (2.0, 1.0, 0.35, True),        # medelvårdtid som utskrivningsklar, dagar
    "U79092": (18.0, 1.0, 0.12, True),       # oplanerad återinskrivning inom 30 dagar 65+, %
}


def write_kolada(folder: Path, kommuner: list[str], years: list[int], rng: np.random.Generator) -> dict[str, int]:
    """One JSON file per KPI with every municipality and year; returns data points per file."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for kpi, (national, change, spread, per_sex) in KPIER.items():
        level = rng.lognormal(0.0, spread, len(kommuner))
        values = []
        for year in years:
            base = national * change ** (year - 2023)
            for kod, lvl in zip(["0000"] + kommuner, np.r_[1.0, level]):
                noise = 1.0 if kod == "0000" else rng.lognormal(0.0, spread / 4)
                value = base * lvl * noise
                genders = [("T", value)]
                if per_sex:
                    genders += [("K", value * rng.uniform(0.95, 1.1)), ("M", value * rng.uniform(0.9, 1.05))]
                decimals = 1 if national < 100 else 0
                values.append({"kpi": kpi, "municipality": kod, "period": year,
                               "values": [{"gender": g, "value": round(float(x), decimals), "count": 1}
                                          for g, x in genders]})
        path = folder / f"{kpi}.json"
        path.write_text(json.dumps({"values": values, "count": len(values), "next_page": None}, ensure_ascii=False,
                                   indent=1) + "\n", encoding="utf-8")
        written[f"extern/kolada/{kpi}.json"] = len(values)
    return written
