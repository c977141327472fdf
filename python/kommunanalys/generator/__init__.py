"""Synthetic raw extracts for every source of the input contract (shared/contract/raw-extracts.md).

`generate(out, kommuner, years, scale, seed)` simulates the whole span of years at once (brukare, hospital
episodes, SIPs, the ledger derived from the volumes) from one seed, then writes each requested year's files and
`_syntetiska_data.json`, the marker that identifies the data as synthetic and lists the deliberately invalid rows
planted to exercise the quarantine. Same arguments → byte-identical files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from .. import __version__
from . import (ekonomi, former, katalog, kolada, kva, persons, region, samsa, samverkan, sip_quality, textcols,
               verksamhet)
from .katalog import KODER, Scale, Span, kommun_codes, populations, seed_lokala_koder, seed_volymtyp
from ..syntetisk import hash_files
from .writer import write_csv

GENERATOR_VERSION = f"{__version__}+generator.1"
MARKER = "_syntetiska_data.json"


def _rng(seed: int, stream: str) -> np.random.Generator:
    """An independent random stream per component, so a change in one does not shift the others."""
    return np.random.default_rng([seed, sum(ord(c) * 31**i for i, c in enumerate(stream)) % 2**32])


class _Planted:
    """Deliberately invalid cells: replaced while writing and listed in the marker file."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def plant(self, relative: str, row: int, column: str, value: str, reason: str) -> None:
        """Replace the cell of data row `row` (0-based) of the file; the marker counts the header as line 1."""
        self.rows.append({"file": relative, "line": row + 2, "column": column, "value": value, "reason": reason})

    def overrides(self, relative: str) -> list[tuple[int, str, str]]:
        return [(int(r["line"]) - 2, str(r["column"]), str(r["value"])) for r in self.rows if r["file"] == relative]


@dataclass
class _Simulation:
    """Everything simulated over the span, before any file is written."""

    span: Span
    codes: list[str]
    pops: list[np.ndarray]
    vol: verksamhet.Volymer
    vt: region.Vardtillfallen
    sip: samsa.SipHandelser
    enheter: region.Enheter
    kva: kva.Kva
    utsk: samsa.Utskrivning
    tid: dict[str, np.ndarray]
    enkat: dict[str, np.ndarray]
    led: dict[str, np.ndarray]
    pnr: pa.Array
    avvikelser: dict[str, np.ndarray]
    kontakter: dict[str, np.ndarray]


def generate(out: Path, kommuner: int, years: list[int], scale: str, seed: int,
             on_step: Callable[[str], None] | None = None, huvudbok: str = "csv", befolkning: str = "csv",
             kolada_form: str = "v2") -> dict[str, int]:
    """Write every contract file for the first `kommuner` municipalities and `years`; returns rows per file.

    `on_step(name)` is called as each simulation step or file is done (scripts/benchmark.py times them).
    `huvudbok` 'sie4e', `befolkning` 'jsonstat2', `kolada_form` 'v3': those files in the form the real sources
    deliver them (generator/former.py), with the same content.
    """
    years = sorted(set(years))
    if kommuner < 1 or not years:
        raise ValueError("need at least one municipality and one year")
    missing = seed_lokala_koder() ^ {k.kod for k in KODER}
    if missing:
        raise ValueError(f"generator catalogue and kpb_lokala_insatskoder differ on {sorted(missing)}")
    former.kontrollera(huvudbok, befolkning, kolada_form)
    step = on_step or (lambda name: None)
    sim = _simulate(kommun_codes(kommuner), Span(years[0], years[-1]), Scale.parse(scale), seed, step)
    out = Path(out)
    planted = _Planted()
    stats = _write_years(out, sim, years, seed, planted, step)
    others = kommun_codes(min(kommuner + 5, 2_000))[kommuner:]
    stats.update(kolada.write_kolada(out / "extern" / "kolada", sim.codes + others, years, _rng(seed, "kolada")))
    stats = former.omforma(out, stats, huvudbok, befolkning, kolada_form)
    marker = {"synthetic": True, "generator": "kommunanalys.generator", "version": GENERATOR_VERSION,
              "seed": seed, "kommuner": sim.codes, "years": years, "scale": scale,
              "planted_invalid": planted.rows,
              # the demo key may pseudonymise this folder only while it holds exactly these files (syntetisk.py)
              "filer": hash_files(out, stats)}
    (out / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return stats


def _simulate(codes: list[str], span: Span, scale: Scale, seed: int, step: Callable[[str], None]) -> _Simulation:
    """Population, brukare and volumes, episodes, SIPs and their follow-up, the ledger, then personnummer."""
    rng_pop = _rng(seed, "befolkning")
    totals = populations(codes, scale, rng_pop)
    shares = persons.age_pyramid(rng_pop, len(codes))
    pop0 = persons.population(totals, shares, 0, rng_pop)  # 31 December before the span: brukare are drawn here
    pops = [persons.population(totals, shares, i + 1, rng_pop) for i in range(span.last_year - span.first_year + 1)]
    step("befolkning")
    register = persons.PersonRegister()
    brukare = verksamhet.draw_brukare(pop0, span, register, _rng(seed, "brukare"))
    vol = verksamhet.volumes(brukare, span, _rng(seed, "volymer"))
    step("brukare och insatser")
    vt = region.episodes(brukare, pop0, span, register, _rng(seed, "vardtillfallen"), hemsjukhus(codes))
    step("vardtillfallen")
    sip = samsa.sip_events(brukare, vt, register.column("kommun"), span, _rng(seed, "sip"))
    enheter = region.Enheter.for_kommuner(codes)
    registrations = kva.registrations(sip, enheter, vt, _rng(seed, "kva"))
    utsk = samsa.utskrivning(vt, _rng(seed, "utskrivning"))
    tid = sip_quality.sip_tid(sip, enheter.typ, _rng(seed, "tid"))
    enkat = sip_quality.enkat(sip, span, _rng(seed, "enkat"))
    step("sip, kva, utskrivning, tid, enkat")
    pop_year = np.stack([p.sum(axis=(1, 2)) for p in pops], axis=1)
    pop65_year = np.stack([p[:, 65:].sum(axis=(1, 2)) for p in pops], axis=1)
    led = ekonomi.ledger(vol, pop_year, pop65_year, sip_quality.kommun_minutes(tid, sip, span, len(codes)), span,
                         _rng(seed, "huvudbok"), seed_volymtyp())
    step("huvudbok")
    pnr = persons.personnummer(register, _rng(seed, "personnummer"))
    step("personnummer")
    avvikelser = samverkan.avvikelser(vt, _rng(seed, "avvikelser"))
    kontakter = samverkan.kontakter(vt, span, _rng(seed, "primarvard"))
    step("avvikelser, primarvard")
    return _Simulation(span, codes, pops, vol, vt, sip, enheter, registrations, utsk, tid, enkat, led, pnr,
                       avvikelser, kontakter)


def hemsjukhus(codes: list[str]) -> np.ndarray:
    """Each municipality's hospital (an index into region.SJUKHUS): its analysis group's (seed analysgrupper), so
    that a group's patients mostly go to the group's hospital; a municipality outside the seed by its position."""
    with open(katalog.SEEDS / "gemensam" / "analysgrupper.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    grupp = {r["enhet_kod"]: r["analysgrupp_kod"] for r in rows if r["enhetstyp"] == "kommun"}
    sjukhus = {r["analysgrupp_kod"]: r["enhet_kod"] for r in rows if r["enhetstyp"] == "sjukhus"}
    return np.array([region.SJUKHUS.index(sjukhus[grupp[c]]) if sjukhus.get(grupp.get(c, "")) in region.SJUKHUS
                     else i % len(region.SJUKHUS) for i, c in enumerate(codes)], dtype=np.int64)


def _year(values: np.ndarray) -> np.ndarray:
    return values.astype("datetime64[Y]").astype(np.int64) + 1970


def _write_years(out: Path, sim: _Simulation, years: list[int], seed: int, planted: _Planted,
                 step: Callable[[str], None]) -> dict[str, int]:
    """Write each year's CSV files (episodes belong to their discharge year, ongoing ones to the last year)."""
    span, codes, periods, pnr = sim.span, sim.codes, sim.span.periods(), sim.pnr
    vol, vt, sip, led, utsk, tid, enkat = sim.vol, sim.vt, sim.sip, sim.led, sim.utsk, sim.tid, sim.enkat
    rng_plant = _rng(seed, "planterade")
    stats: dict[str, int] = {}
    ep_year = np.where(vt.ongoing, span.last_year, _year(vt.dis))
    ep_ids = np.arange(1, len(vt.person) + 1)
    kva_year, sip_year, enkat_year = _year(sim.kva.datum), _year(sip.tid), _year(enkat["datum"])
    tid_year = sip_year[tid["row"]]

    def emit(relative: str, rows: np.ndarray | int, build: Callable[[np.ndarray], dict[str, pa.Array]],
             encoding: str = "utf-8", bom: bool = False) -> None:
        """Write a file whose row i is built from rows[i] (or from i when rows is a count)."""
        index = np.arange(rows) if isinstance(rows, int) else rows
        stats[relative] = write_csv(out, relative, len(index), lambda a, b: build(index[a:b]), encoding, bom,
                                    planted.overrides(relative))
        step(relative)

    first_svar = 1
    for year in years:
        yi = year - span.first_year
        emit(f"ekonomi/huvudbok_{year}.csv", np.flatnonzero(led["month"] // 12 == yi),
             lambda r: ekonomi.ledger_columns(r, led, codes, periods), "latin-1")
        budget = ekonomi.budget_columns(led, yi, year, codes, _rng(seed, f"budget{year}"))
        emit(f"ekonomi/budget_{year}.csv", len(budget["belopp"]), _taken(budget), "latin-1")

        rel = f"verksamhet/insatser_{year}.csv"
        rows = np.flatnonzero(vol.month // 12 == yi)
        if year == years[0]:
            _plant_insatser(planted, rel, rows, vol.person, pnr, rng_plant)
        emit(rel, rows, lambda r: verksamhet.insatser_columns(vol, r, codes, pnr, periods))

        befolkning = _befolkning_columns(sim.pops[yi], year, codes)
        emit(f"scb/befolkning_{year}.csv", len(befolkning["antal"]), _taken(befolkning), bom=True)

        rel = f"region/vardtillfallen_{year}.csv"
        rows = np.flatnonzero(ep_year == year)
        if year == years[-1] and len(rows):
            planted.plant(rel, int(rng_plant.integers(0, len(rows))), "inskrivning_tid", f"{year}-13-01 10:00",
                          "month 13 does not exist")
        emit(rel, rows, lambda r: region.vardtillfallen_columns(vt.select(r), ep_ids[r], codes, pnr))

        emit(f"region/kva_{year}.csv", np.flatnonzero(kva_year == year),
             lambda r: kva.columns(sim.kva, r, r + 1, sim.enheter, codes, pnr))

        rel = f"samsa/utskrivning_{year}.csv"
        rows = np.flatnonzero(ep_year[utsk.episode] == year)
        if year == years[-1] and len(rows):
            planted.plant(rel, int(rng_plant.integers(0, len(rows))), "uppdrag_kommunal_hsl", "kanske",
                          "not a yes/no value")
        emit(rel, rows, lambda r: samsa.utskrivning_columns(utsk, r, vt, ep_ids, codes, pnr))

        emit(f"samsa/sip_{year}.csv", np.flatnonzero(sip_year == year),
             lambda r: samsa.sip_columns(sip, r, sim.enheter, codes, pnr))
        rows = np.flatnonzero(enkat_year == year)
        emit(f"enkat/sip_delaktighet_{year}.csv", rows,
             lambda r: sip_quality.enkat_columns(enkat, r, first_svar + np.searchsorted(rows, r), codes))
        first_svar += len(rows)
        granskning = sip_quality.granskning_columns(sip, year, codes, _rng(seed, f"granskning{year}"))
        emit(f"granskning/sip_granskning_{year}.csv", len(granskning["sip_id"]), _taken(granskning))
        emit(f"tid/sip_tid_{year}.csv", np.flatnonzero(tid_year == year),
             lambda r: sip_quality.tid_columns(tid, r, sip, codes))
        rel = f"avvikelser/avvikelser_{year}.csv"
        rows = np.flatnonzero(_year(sim.avvikelser["datum"]) == year)
        if year == years[-1] and len(rows):
            planted.plant(rel, int(rng_plant.integers(0, len(rows))), "kategori", "okand", "unknown category")
        emit(rel, rows, lambda r: samverkan.avvikelser_columns(sim.avvikelser, r, codes))
        rel = f"primarvard/kontakter_{year}.csv"
        rows = np.flatnonzero(_year(span.start + sim.kontakter["day"]) == year)
        if year == years[-1] and len(rows):
            planted.plant(rel, int(rng_plant.integers(0, len(rows))), "plats", "sjukhus", "unknown place")
        emit(rel, rows, lambda r: samverkan.kontakter_columns(sim.kontakter, r, span, codes, pnr))
        andelar = samverkan.enkat_columns(year, codes, _rng(seed, f"nationell_enkat{year}"))
        emit(f"nationell_enkat/andelar_{year}.csv", len(andelar["ar"]), _taken(andelar))
    prognos = _prognos_columns(_prognos_befolkning(sim.pops[-1], span.last_year, PROGNOS_AR), codes)
    emit("scb/prognos_befolkning.csv", len(prognos["antal"]), _taken(prognos), bom=True)
    return stats


PROGNOS_AR = 10  # the demo's SCB population forecast: ten years after the last year (issue 22)


def _prognos_befolkning(pop: np.ndarray, last_year: int, years: int) -> list[tuple[int, np.ndarray]]:
    """A demo population forecast from the last year's population (municipality × age 0–100 × sex): each year
    everyone ages one year with a survival that falls with age (Gompertz-like), 100 collects the oldest, and births
    equal the last year's 0-year-olds. Synthetic, deterministic; the real file is SCB's forecast."""
    age = np.arange(pop.shape[1])
    survival = 1 - np.minimum(0.5, 0.00002 * np.exp(0.1 * age))
    current = pop.astype(np.int64)
    out = []
    for offset in range(1, years + 1):
        nxt = np.zeros_like(current)
        nxt[:, 1:, :] = np.rint(current[:, :-1, :] * survival[None, :-1, None])
        nxt[:, -1, :] += np.rint(current[:, -1, :] * survival[-1]).astype(np.int64)
        nxt[:, 0, :] = current[:, 0, :]
        out.append((last_year + offset, nxt))
        current = nxt
    return out


def _prognos_columns(prognos: list[tuple[int, np.ndarray]], codes: list[str]) -> dict[str, pa.Array]:
    """scb/prognos_befolkning: the columns of scb/befolkning, one block per forecast year."""
    parts = [_befolkning_columns(pop, year, codes) for year, pop in prognos]
    return {name: pa.concat_arrays([part[name] for part in parts]) for name in parts[0]}


def _taken(columns: dict[str, pa.Array]) -> Callable[[np.ndarray], dict[str, pa.Array]]:
    """A row builder for columns that are built whole (small files)."""
    return lambda rows: {name: column.take(pa.array(rows)) for name, column in columns.items()}


def _plant_insatser(planted: _Planted, relative: str, rows: np.ndarray, person: np.ndarray, pnr: pa.Array,
                    rng: np.random.Generator) -> None:
    """Four invalid volume rows: a wrong check digit, a negative volume, a missing municipality, unknown regi."""
    picked = [int(x) for x in rng.choice(len(rows), 4, replace=False)]
    good = pnr[int(person[rows[picked[0]]])].as_py()
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    planted.plant(relative, picked[0], "personnummer", bad, "check digit does not match (Luhn)")
    planted.plant(relative, picked[1], "volym", "-3", "negative volume")
    planted.plant(relative, picked[2], "kommun_kod", "", "kommun_kod missing")
    planted.plant(relative, picked[3], "regi", "privat", "regi must be egen or extern")


def _befolkning_columns(pop: np.ndarray, year: int, codes: list[str]) -> dict[str, pa.Array]:
    """scb/befolkning: one row per municipality, age 0–100 and sex (1 = män, 2 = kvinnor)."""
    k, age, sex = np.unravel_index(np.arange(pop.size), pop.shape)
    return {"kommun_kod": textcols.categorical(k, codes), "ar": textcols.constant(str(year), pop.size),
            "alder": textcols.integers(age), "kon": textcols.integers(sex + 1),
            "antal": textcols.integers(pop.ravel())}
