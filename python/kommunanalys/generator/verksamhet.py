"""Brukare and their insatser: the operational system's volume file (verksamhet/insatser_<YYYY>.csv).

Brukare are drawn per municipality, age and sex from the population, in groups with a typical package of insatser:
most are 65+ (hemtjänst with trygghetslarm, matdistribution, hemsjukvård, korttid; or särskilt boende with its
HSL insats); people with disabilities are younger (LSS boende and daglig verksamhet 20–64, personlig assistans,
children with korttidsvistelse, korttidstillsyn, avlösarservice, boende för barn). A group's prevalence is a stock
share of the age group's inhabitants (about 8–10 % of 65+ have hemtjänst during a year); periods are exponential
with a group-typical mean, so brukare start and leave (or die) during the year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import textcols
from .columns import Columns
from .katalog import KOD_INDEX, KODER, Span
from .persons import MAX_AGE, PersonRegister, births_for_ages


@dataclass(frozen=True)
class Grupp:
    """A group of brukare: ages, stock share by age (base × e^(growth·(age−lo)), capped), mean period in months,
    one code chosen from `choose` (weights) and each code of `extra` independently with its probability."""

    name: str
    lo: int
    hi: int
    base: float
    growth: float
    cap: float
    months: float
    choose: tuple[tuple[str, float], ...]
    extra: tuple[tuple[str, float], ...] = ()


GRUPPER: tuple[Grupp, ...] = (
    Grupp("hemtjanst", 65, 100, 0.02, 0.085, 0.45, 30,
          (("HTJ-OMV", 0.85), ("HTJ-SERV", 0.15)),
          (("HTJ-SERV", 0.4), ("LARM", 0.6), ("MATD", 0.2), ("HSV", 0.3), ("KTB", 0.12), ("DAGV", 0.06),
           ("BAB", 0.06), ("UKL", 0.05), ("KP-SOL", 0.01))),
    Grupp("hemtjanst_yngre", 20, 64, 0.0025, 0.0, 1.0, 36, (("HTJ-OMV", 0.9), ("HTJ-SERV", 0.1)),
          (("HTJ-SERV", 0.4), ("LARM", 0.3), ("HSV", 0.2), ("BAB", 0.05))),
    Grupp("trygghetslarm", 65, 100, 0.006, 0.07, 0.2, 36, (("LARM", 1.0),), (("HSV", 0.15), ("MATD", 0.1))),
    Grupp("hemsjukvard", 65, 100, 0.003, 0.06, 0.1, 14, (("HSV", 1.0),), (("BAB", 0.03),)),
    Grupp("sarskilt_boende", 65, 100, 0.0045, 0.12, 0.4, 28, (("SÄBO-PERM", 0.6), ("SÄBO-DEM", 0.4)),
          (("SÄBO-HSL", 0.95),)),
    Grupp("servicehus", 65, 100, 0.0006, 0.08, 0.05, 36, (("HTJ-SH", 1.0),), (("LARM", 0.5),)),
    Grupp("lss_boende", 20, 80, 0.0045, -0.01, 1.0, 200, (("LSS9-GB", 0.8), ("LSS9-SB", 0.2)),
          (("LSS10", 0.7), ("LSS4", 0.15), ("LSS3", 0.1), ("LSS1", 0.05))),
    Grupp("daglig_verksamhet", 20, 64, 0.003, 0.0, 1.0, 150, (("LSS10", 1.0),),
          (("LSS4", 0.2), ("LSS3", 0.15), ("LSS1", 0.1))),
    Grupp("assistans", 1, 64, 0.0015, 0.0, 1.0, 150, (("SFB-PA", 0.8), ("LSS2", 0.2)), (("LSS1", 0.05),)),
    Grupp("lss_barn", 3, 19, 0.004, 0.0, 1.0, 60,
          (("LSS6", 0.4), ("LSS7", 0.25), ("LSS5", 0.25), ("LSS8", 0.05), ("LSS4", 0.05)),
          (("LSS5", 0.2), ("LSS3", 0.1), ("LSS1", 0.1))),
    Grupp("psykisk_funktionsnedsattning", 18, 64, 0.005, 0.0, 1.0, 36, (("BOSTÖD", 0.8), ("BOPSYK", 0.2)),
          (("KP-SOL", 0.2),)),
)
ELDERLY_GROUPS = {g.name for g in GRUPPER if g.lo >= 65}
#: At least this many brukare are expected per group and municipality, so small demo municipalities keep every
#: kind of insats.
MIN_EXPECTED = 3.0

DISTRICTS = ("Norr", "Söder", "Öster", "Väster", "Centrum")
PROVIDERS = ("Attendo", "Vardaga", "Humana", "Frösunda", "Nytida", "Förenade Care")
ENHET_PREFIX = {"HT": "Hemtjänst", "KORT": "Korttidsboendet", "SABO": "Särskilt boende",
                "SABOHSL": "Sjuksköterskor SÄBO",
                "HSJV": "Hemsjukvården", "HTSERV": "Servicehuset", "GRUPP": "Gruppbostad", "SERVBO": "Servicebostad",
                "DAGLIG": "Daglig verksamhet", "BOPSYK": "Boende psykiatri", "BOSTOD": "Boendestöd",
                "PALSS": "Personlig assistans", "PASFB": "Personlig assistans", "KORTLSS": "Korttidshemmet",
                "KORTTILLS": "Fritids LSS", "BOBARN": "Barnboendet"}
ENHETER = tuple(f"{ENHET_PREFIX.get(k.insats, 'Biståndsenheten')} {d}" for k in KODER for d in DISTRICTS) + PROVIDERS


@dataclass
class Brukare(Columns):
    """Brukare of the span: person id, municipality, group, age at the span start, period in days from the
    span start (start may be negative: already a brukare before the span; end may lie after it)."""

    person: np.ndarray
    kommun: np.ndarray
    grupp: np.ndarray
    age: np.ndarray
    start: np.ndarray
    end: np.ndarray



@dataclass
class Volymer(Columns):
    """Volume rows: one per person, local code, month and volymtyp (volym in hundredths)."""

    person: np.ndarray
    kommun: np.ndarray
    month: np.ndarray
    kod: np.ndarray
    extern: np.ndarray
    utford: np.ndarray
    volym: np.ndarray
    enhet: np.ndarray


def draw_brukare(pop: np.ndarray, span: Span, register: PersonRegister, rng: np.random.Generator) -> Brukare:
    """Brukare per group from the population of the year before the span (municipality × age × sex)."""
    age = np.arange(MAX_AGE + 1)
    span_months = span.n_months
    parts = []
    for gi, g in enumerate(GRUPPER):
        rate = np.where((age >= g.lo) & (age <= g.hi), np.minimum(g.base * np.exp(g.growth * (age - g.lo)), g.cap), 0.0)
        stock = pop * rate[None, :, None] * np.array([1.0, 1.1 if g.lo >= 65 else 0.9])[None, None, :]
        totals = stock.sum(axis=(1, 2))
        stock *= np.maximum(1.0, MIN_EXPECTED / np.maximum(totals, 1e-9))[:, None, None]
        expected = stock * (g.months + span_months) / g.months
        counts = rng.poisson(expected).ravel()
        cells = np.repeat(np.arange(counts.size), counts)
        kommun, a, sex = np.unravel_index(cells, pop.shape)
        n = len(cells)
        already = rng.random(n) < g.months / (g.months + span_months)
        start = np.where(already, -rng.exponential(g.months * 30.4, n), rng.uniform(0, span.days, n))
        end = np.where(already, 0, start) + rng.exponential(g.months * 30.4, n)
        male = sex == 0
        ids = register.add(kommun, births_for_ages(a, span.first_year - 1, rng), male)
        parts.append((ids, kommun, np.full(n, gi), a, start, end))
    cols = [np.concatenate(c) for c in zip(*parts)]
    return Brukare(*cols)


def _assign_codes(b: Brukare, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(brukare row, code index) pairs: one chosen code per brukare plus independent extras, without repeats."""
    rows, codes = [], []
    for gi, g in enumerate(GRUPPER):
        members = np.flatnonzero(b.grupp == gi)
        names = [c for c, _ in g.choose]
        weights = np.array([w for _, w in g.choose])
        chosen = rng.choice(len(names), size=len(members), p=weights / weights.sum())
        rows.append(members)
        codes.append(np.array([KOD_INDEX[c] for c in names])[chosen])
        for code, p in g.extra:
            take = members[(rng.random(len(members)) < p) & (np.array(names)[chosen] != code)]
            rows.append(take)
            codes.append(np.full(len(take), KOD_INDEX[code]))
    rows_a, codes_a = np.concatenate(rows), np.concatenate(codes)
    order = np.lexsort((codes_a, rows_a))
    return rows_a[order], codes_a[order]


def volumes(b: Brukare, span: Span, rng: np.random.Generator, chunk: int = 50_000) -> Volymer:
    """Monthly volumes per brukare and local code, in each code's unit (see katalog.Kod).

    Rows come sorted by municipality, person, month, code and volymtyp. Brukare are processed in chunks so the
    temporaries of a national run stay small; the columns are stored in compact integer types.
    """
    order = np.lexsort((b.person, b.kommun))
    parts = [_volumes(b.select(order[i:i + chunk]), span, rng) for i in range(0, len(order), chunk)]
    return Volymer.concat(parts)


def _kod_attr(name: str) -> np.ndarray:
    """An attribute of every catalogue code, indexable by code index."""
    return np.array([getattr(k, name) for k in KODER])


def _volumes(b: Brukare, span: Span, rng: np.random.Generator) -> Volymer:
    """Volumes of one chunk of brukare: their codes, the months of each code's period and the monthly volume."""
    row, kod = _assign_codes(b, rng)
    n = len(row)
    kind = _kod_attr("kind")[kod]
    start = np.clip(b.start[row], 0, span.days - 1)
    end = np.clip(b.end[row], 0, span.days)
    case = kind == "arende"  # a case is one event in one month of the period
    start = np.where(case, start + rng.random(n) * (end - start), start)
    end = np.minimum(np.where(case, start + 1, end), span.days)
    extern = rng.random(len(b.person))[row] < _kod_attr("extern_share")[kod]  # one draw per person: HT codes agree
    enhet = np.where(extern, len(KODER) * len(DISTRICTS) + rng.integers(0, len(PROVIDERS), n),
                     kod * len(DISTRICTS) + rng.integers(0, len(DISTRICTS), n))
    level = _kod_attr("level")[kod] * rng.lognormal(-0.18, 0.6, n)  # the brukare's own level, mean = catalogue's
    rep, month, active = _months(start, end, np.flatnonzero(b.end[row] > 0), span)
    vol = _monthly_volume(kind[rep], level[rep], month, active, span, rng)
    keep = (vol > 0) & ((rng.random(len(rep)) < _kod_attr("month_share")[kod[rep]]) | (month == _first_month(rep)))
    rep, month, vol = rep[keep], month[keep], vol[keep]
    # codes registered as both granted and performed get an extra 'utford' row; others carry the seed's volymtyp
    only_utford = np.array([x.volymtyp == "utford" and x.utford_share is None for x in KODER])
    base = Volymer(b.person[row[rep]], b.kommun[row[rep]], month, kod[rep], extern[rep], only_utford[kod[rep]],
                   np.round(vol * 100).astype(np.int64), enhet[rep])
    merged = Volymer.concat([base, _performed(base, rng)])
    merged = merged.select(np.lexsort((merged.utford, merged.kod, merged.month, merged.person, merged.kommun)))
    compact = {"person": np.int32, "kommun": np.int32, "month": np.int16, "kod": np.int8, "volym": np.int32,
               "enhet": np.int16}
    return Volymer(**{f: getattr(merged, f).astype(t) for f, t in compact.items()}, extern=merged.extern,
                   utford=merged.utford)


def _first_month(rep: np.ndarray) -> np.ndarray:
    """True on the first month row of each assignment (rows of an assignment are consecutive)."""
    return np.r_[True, rep[1:] != rep[:-1]]


def _months(start: np.ndarray, end: np.ndarray, alive: np.ndarray, span: Span
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One row per assignment and month of its period [start, end) (days from the span start): the assignment,
    the month index and the share of the month the assignment was active."""
    bounds = span.month_starts
    m0 = np.searchsorted(bounds, start, side="right") - 1
    m1 = np.searchsorted(bounds, np.maximum(end - 1e-6, start), side="right") - 1
    alive = alive[start[alive] < span.days]
    counts = (m1 - m0 + 1)[alive]
    rep = np.repeat(alive, counts)
    month = m0[rep] + np.arange(len(rep)) - np.repeat(np.cumsum(counts) - counts, counts)
    days = (bounds[month + 1] - bounds[month]).astype(np.float64)
    active = (np.minimum(end[rep], bounds[month + 1]) - np.maximum(start[rep], bounds[month])) / days
    return rep, month, np.clip(active, 1.0 / days, 1.0)


def _monthly_volume(kind: np.ndarray, level: np.ndarray, month: np.ndarray, active: np.ndarray, span: Span,
                    rng: np.random.Generator) -> np.ndarray:
    """The month's volume in the code's unit: hours in quarters around the brukare's level (at most 24 per day
    present); dygn in residence = days present (partial first and last months, a few days away); short stays;
    attendance days (fewer in July; at most one per day present); one per month for monthly insatser and cases;
    meals."""
    bounds = span.month_starts
    days = (bounds[month + 1] - bounds[month]).astype(np.float64)
    present = np.round(days * active)
    noise = rng.uniform(0.9, 1.1, len(kind))
    vol = np.zeros(len(kind))
    hours = kind == "timmar"
    # at most the hours of the days present (seed stg_rimlighetsgranser: personlig assistans <= hours in the month)
    vol[hours] = np.minimum(np.round(level[hours] * noise[hours] * active[hours] * 4) / 4, 24 * present[hours])
    resident = (kind == "dygn") & (level == 0)
    vol[resident] = np.maximum(1, present[resident] - rng.poisson(0.3, resident.sum()))
    stays = (kind == "dygn") & (level > 0)
    vol[stays] = np.minimum(np.maximum(1, present[stays]), 1 + rng.poisson(np.maximum(level[stays] - 1, 0.5)))
    attendance = kind == "dagar"
    summer = np.where(month[attendance] % 12 == 6, 0.4, 1.0)
    # at most one attendance day per day present (stg_rimlighetsgranser: dagverksamhet <= days in the month)
    vol[attendance] = np.clip(np.round(level[attendance] * noise[attendance] * active[attendance] * summer), 1,
                              present[attendance])
    vol[(kind == "manad") | (kind == "arende")] = 1
    meals = kind == "portioner"
    vol[meals] = np.maximum(1, np.round(level[meals] * noise[meals] * active[meals]))
    return vol


def _performed(base: Volymer, rng: np.random.Generator) -> Volymer:
    """The 'utford' rows of codes registered as granted and performed: a share of the granted volume."""
    lo = np.array([x.utford_share[0] if x.utford_share else 0 for x in KODER])[base.kod]
    hi = np.array([x.utford_share[1] if x.utford_share else 0 for x in KODER])[base.kod]
    both = np.flatnonzero(hi > 0)
    performed = np.round(base.volym[both] * rng.uniform(lo[both], hi[both])).astype(np.int64)
    rows = base.select(both)
    rows.utford = np.ones(len(both), bool)
    rows.volym = np.maximum(performed, 1)
    return rows


def insatser_columns(v: Volymer, rows: np.ndarray, kommun_labels: list[str], pnr: pa.Array,
                     periods: list[str]) -> dict[str, pa.Array]:
    """The text columns of verksamhet/insatser for the selected rows (one year)."""
    return {
        "kommun_kod": textcols.categorical(v.kommun[rows], kommun_labels),
        "personnummer": pnr.take(pa.array(v.person[rows])),
        "period": textcols.categorical(v.month[rows], periods),
        "lokal_insats_kod": textcols.categorical(v.kod[rows], [k.kod for k in KODER]),
        "regi": textcols.categorical(v.extern[rows].astype(np.int32), ["egen", "extern"]),
        "volymtyp": textcols.categorical(v.utford[rows].astype(np.int32), ["beviljad", "utford"]),
        "volym": textcols.decimals(v.volym[rows], always=False),
        "enhet": textcols.categorical(v.enhet[rows], ENHETER),
    }
