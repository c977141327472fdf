"""The region's patient administration: inpatient episodes (region/vardtillfallen) and KVÅ registrations
(region/kva).

Patients are brukare (the same personnummer as in the municipality's files: elderly brukare are admitted most
often) and other inhabitants drawn from the population by age. A patient's episodes follow each other: the next
admission comes a gap of days after the previous discharge, a fifth of them within 1–30 days (readmissions; gaps of
exactly 30 and 31 days occur), so readmission indicators have something to find. Episodes still open at the end
of the last year have no discharge. Diagnoses are ICD-10-SE codes, written with or without the dot depending on the
hospital's system, and falls (W00–W19) are the usual external cause of injuries among the elderly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import textcols
from .columns import Columns
from .katalog import Span
from .persons import MAX_AGE, PersonRegister, births_for_ages
from .verksamhet import ELDERLY_GROUPS, GRUPPER, Brukare

#: (ICD-10 code, klinik, weight 65+, weight under 65, planned share) for somatic care.
SOMATIK = (
    ("S72.0", "Ortopedkliniken", 6, 0.6, 0.0), ("S72.1", "Ortopedkliniken", 3, 0.3, 0.0),
    ("S06.0", "Kirurgkliniken", 2, 2, 0.0), ("S32.0", "Ortopedkliniken", 1.5, 0.5, 0.0),
    ("S52.5", "Ortopedkliniken", 1, 1.5, 0.1), ("I50.9", "Medicinkliniken", 8, 1, 0.05),
    ("J44.1", "Medicinkliniken", 5, 1, 0.0), ("J18.9", "Infektionskliniken", 6, 2, 0.0),
    ("N39.0", "Medicinkliniken", 5, 1, 0.0), ("E86", "Medicinkliniken", 3, 0.5, 0.0),
    ("I63.9", "Medicinkliniken", 4, 1, 0.0), ("I21.4", "Kardiologiska kliniken", 3, 1.5, 0.1),
    ("I48.9", "Kardiologiska kliniken", 3, 1.5, 0.3), ("A41.9", "Infektionskliniken", 2, 1, 0.0),
    ("K56.6", "Kirurgkliniken", 1.5, 1, 0.0), ("K35.8", "Kirurgkliniken", 0.3, 4, 0.0),
    ("R55", "Medicinkliniken", 2, 1.5, 0.0), ("M16.1", "Ortopedkliniken", 2, 1, 1.0),
    ("C18.9", "Kirurgkliniken", 1, 1, 0.8), ("E11.9", "Medicinkliniken", 1, 0.5, 0.2),
    ("D50.9", "Medicinkliniken", 1, 0.5, 0.3), ("G40.9", "Neurologiska kliniken", 0.5, 1.5, 0.2),
    ("O80.0", "Kvinnokliniken", 0.0, 3, 0.5),
)
#: (ICD-10 code, weight 65+, weight under 65) in psychiatric care.
PSYKIATRI = (("F32.1", 3, 3), ("F20.0", 1, 2), ("F10.2", 1, 2), ("F31.1", 1, 1.5), ("F41.1", 0.5, 1),
             ("F60.3", 0.1, 1), ("F03.9", 2, 0.0))
#: External causes: falls first (W00–W19), other chapter XX causes after.
FALL = ("W01", "W10", "W18", "W19", "W06", "W05")
ANNAN_ORSAK = ("V43.5", "X59", "W22", "Y04")
SJUKHUS = ("Länssjukhuset", "Centrallasarettet", "Västra sjukhuset")
KLINIKER = tuple(sorted({d[1] for d in SOMATIK} | {"Psykiatriska kliniken"}))
#: Yearly inpatient episodes per inhabitant who is not a brukare, by age (0, 1–17, 18–44, 45–64, 65–79, 80+),
#: calibrated with the brukare's own episodes to the national level of about 120–130 somatic episodes per 1 000
#: inhabitants and year (docs/nationella_nivaer.md).
RATE_AGES = np.array([0, 1, 18, 45, 65, 80])
RATE = np.array([0.17, 0.055, 0.11, 0.135, 0.23, 0.40])
#: Yearly episodes per brukare by group (elderly brukare are admitted most often).
BRUKARE_RATE = {"sarskilt_boende": 0.5, "psykisk_funktionsnedsattning": 0.35, "assistans": 0.3, "lss_barn": 0.1,
                "lss_boende": 0.15, "daglig_verksamhet": 0.12, "hemtjanst_yngre": 0.4}
ELDERLY_RATE = 0.6
#: Share of a patient's next admissions that come within 1–30 days of the previous discharge (readmissions), set so
#: that the computed unplanned readmission rate of patients 65+ is about the demo's Kolada U79092 level (18 %).
READMISSION_SHARE = 0.5
#: Share of injury episodes (main diagnosis S00–T98) with a fall as external cause (W00–W19), set so that fall
#: injuries among 65+ come out near the national 3 400 per 100 000 (docs/nationella_nivaer.md).
FALL_SHARE = 0.55
#: Expected episodes per non-brukare patient in a span of `years` years.
EPISODES_PER_PATIENT = 0.5


@dataclass
class Vardtillfallen(Columns):
    """Inpatient episodes; dates as datetime64[s]; `ongoing` = not discharged at the end of the span;
    `brukare` 0 = not a brukare, 1 = brukare, 2 = elderly brukare (65+ groups); `nodot`: the diagnosis is
    written without its dot (the second hospital's system, and 10 % of the other rows)."""

    person: np.ndarray
    kommun: np.ndarray
    age: np.ndarray
    brukare: np.ndarray
    adm: np.ndarray
    dis: np.ndarray
    ongoing: np.ndarray
    psyk: np.ndarray
    akut: np.ndarray
    diagnos: np.ndarray
    yttre: np.ndarray
    sjukhus: np.ndarray
    klinik: np.ndarray
    nodot: np.ndarray



@dataclass
class Patienter(Columns):
    """Patients: person, municipality, age at the span start, brukare code (as in Vardtillfallen), whether they
    have psychiatric needs, the window in which they can be admitted (days from the span start) and their number
    of episodes."""

    person: np.ndarray
    kommun: np.ndarray
    age: np.ndarray
    brukare: np.ndarray
    psyk: np.ndarray
    w0: np.ndarray
    w1: np.ndarray
    n_episodes: np.ndarray


def _patients(b: Brukare, pop: np.ndarray, span: Span, register: PersonRegister,
              rng: np.random.Generator) -> Patienter:
    """Brukare (admitted while they are brukare, or just before) and other inhabitants (any time)."""
    years = span.days / 365.0
    group = np.array([g.name for g in GRUPPER])[b.grupp]
    elderly = np.isin(group, list(ELDERLY_GROUPS))
    rate = np.array([ELDERLY_RATE if g.name in ELDERLY_GROUPS else BRUKARE_RATE[g.name] for g in GRUPPER])[b.grupp]
    w0 = np.maximum(b.start, -30.0)
    w1 = np.minimum(b.end, span.days)
    brukare = Patienter(b.person, b.kommun, b.age, 1 + elderly, group == "psykisk_funktionsnedsattning", w0, w1,
                        rng.poisson(rate * np.maximum(w1 - w0, 0) / 365.0))
    per_age = RATE[np.searchsorted(RATE_AGES, np.arange(MAX_AGE + 1), side="right") - 1]
    per_patient = 1 + EPISODES_PER_PATIENT * min(years, 3.0)
    counts = rng.poisson(pop * per_age[None, :, None] * years / per_patient).ravel()
    kommun, age, sex = np.unravel_index(np.repeat(np.arange(counts.size), counts), pop.shape)
    ids = register.add(kommun, births_for_ages(age, span.first_year - 1, rng), sex == 0)
    n = len(ids)
    others = Patienter(ids, kommun, age, np.zeros(n, np.int64), np.zeros(n, bool), np.full(n, -180.0),
                       np.full(n, float(span.days)), 1 + rng.poisson(EPISODES_PER_PATIENT * min(years, 3.0), n))
    patients = Patienter.concat([brukare, others])
    return patients.select(patients.n_episodes > 0)


def _weighted(rng: np.random.Generator, weights: list[float], n: int) -> np.ndarray:
    w = np.array(weights, float)
    return rng.choice(len(w), n, p=w / w.sum())


def _diagnoses(elderly: np.ndarray, psyk: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Main diagnosis (index into SOMATIK, then PSYKIATRI) by age; and whether the admission was acute."""
    n = len(elderly)
    diag = np.where(elderly, _weighted(rng, [d[2] for d in SOMATIK], n), _weighted(rng, [d[3] for d in SOMATIK], n))
    pdiag = np.where(elderly, _weighted(rng, [d[1] for d in PSYKIATRI], n),
                     _weighted(rng, [d[2] for d in PSYKIATRI], n))
    planned = np.where(psyk, 0.2, np.maximum(np.array([d[4] for d in SOMATIK])[diag], np.where(elderly, 0.1, 0.35)))
    return np.where(psyk, len(SOMATIK) + pdiag, diag), rng.random(n) >= planned


def _admission_days(p: np.ndarray, los_days: np.ndarray, pat: Patienter, rng: np.random.Generator) -> np.ndarray:
    """Admission day (from the span start) of each episode: a patient's first episode falls in their window, each
    next one a gap after the previous discharge (a fifth within 1–30 days, the rest 31 days or more)."""
    n = len(p)
    first = np.r_[True, p[1:] != p[:-1]]
    gap = np.where(rng.random(n) < READMISSION_SHARE, rng.integers(1, 31, n),
                   31 + rng.exponential(150, n).astype(np.int64))
    start = np.floor(pat.w0[p] + rng.random(n) * (pat.w1[p] - pat.w0[p])).astype(np.int64)
    inc = np.where(first, start, gap + np.r_[0, los_days[:-1]])
    csum = np.cumsum(inc)
    group_base = np.maximum.accumulate(np.where(first, np.arange(n), 0))
    return csum - (csum[group_base] - inc[group_base])


def episodes(b: Brukare, pop: np.ndarray, span: Span, register: PersonRegister,
             rng: np.random.Generator, hemsjukhus: np.ndarray | None = None) -> Vardtillfallen:
    """Inpatient episodes of the span (plus those admitted shortly before it and discharged in it), by admission.

    Planned admissions arrive in the morning, acute ones around the clock; same-day discharges (admitted before
    20:00) leave 2–8 hours later, others between 09 and 17.
    """
    pat = _patients(b, pop, span, register, rng)
    p = np.repeat(np.arange(len(pat.person)), pat.n_episodes)
    n = len(p)
    elderly = pat.age[p] >= 65
    psyk = rng.random(n) < np.where(pat.psyk[p], 0.6, np.where(elderly, 0.03, 0.12))
    diagnos, akut = _diagnoses(elderly, psyk, rng)
    adm_min = np.where(akut, rng.integers(0, 24 * 60, n), rng.integers(7 * 60, 10 * 60, n))
    los = np.where(psyk, rng.lognormal(np.log(14), 0.8, n), rng.lognormal(np.log(np.where(elderly, 4.5, 3.0)), 0.8, n))
    los_days = np.floor(np.minimum(los, np.where(psyk, 120, 45))).astype(np.int64)
    los_days = np.where((los_days == 0) & (adm_min >= 20 * 60), 1, los_days)
    dis_min = np.where(los_days == 0, adm_min + rng.integers(120, 480, n), rng.integers(9 * 60, 17 * 60, n))
    dis_min = np.minimum(dis_min, 23 * 60 + 50)
    adm_day = _admission_days(p, los_days, pat, rng)
    dis_day = adm_day + los_days
    keep = (adm_day < np.minimum(pat.w1[p], span.days)) & (dis_day >= 0)
    origin = span.start.astype("datetime64[s]")
    adm = origin + (adm_day * 86400 + adm_min * 60 + rng.integers(0, 60, n)).astype("timedelta64[s]")
    dis = origin + (dis_day * 86400 + dis_min * 60 + rng.integers(0, 60, n)).astype("timedelta64[s]")
    # the 23:50 clamp must never put a discharge before its admission: at least an hour in hospital
    dis = np.maximum(dis, adm + np.timedelta64(3600, "s"))
    injury = ~psyk & np.char.startswith(np.array([d[0] for d in SOMATIK + PSYKIATRI])[diagnos], "S")
    u = rng.random(n)
    yttre = np.where(injury & (u < FALL_SHARE), 1 + rng.integers(0, len(FALL), n),
                     np.where(injury & (u < FALL_SHARE + 0.15), 1 + len(FALL) + rng.integers(0, len(ANNAN_ORSAK), n), 0))
    # 80 % at the municipality's own hospital (its analysis group's, `hemsjukhus` per municipality index)
    eget = hemsjukhus[pat.kommun[p]] if hemsjukhus is not None else pat.kommun[p] % len(SJUKHUS)
    sjukhus = np.where(rng.random(n) < 0.8, eget, rng.integers(0, len(SJUKHUS), n))
    psykiatriska = KLINIKER.index("Psykiatriska kliniken")
    klinik_of = np.array([KLINIKER.index(d[1]) for d in SOMATIK] + [psykiatriska] * len(PSYKIATRI))
    v = Vardtillfallen(pat.person[p], pat.kommun[p], pat.age[p] + adm_day // 365, pat.brukare[p], adm, dis,
                       dis_day >= span.days, psyk, akut, diagnos, yttre, sjukhus, klinik_of[diagnos],
                       (sjukhus == 1) | (rng.random(n) < 0.1))
    rows = np.flatnonzero(keep)
    return v.select(rows[np.argsort(v.adm[rows], kind="stable")])


def vardtillfallen_columns(v: Vardtillfallen, ids: np.ndarray, kommun_labels: list[str],
                           pnr: pa.Array) -> dict[str, pa.Array]:
    """Text columns of region/vardtillfallen; the first hospital's system exports timestamps with seconds."""
    codes = [d[0] for d in SOMATIK] + [d[0] for d in PSYKIATRI]
    diag_labels = codes + [c.replace(".", "") for c in codes]
    seconds = v.sjukhus == 0
    return {
        "vardtillfalle_id": textcols.prefixed_ids("VT", ids, 9),
        "personnummer": pnr.take(pa.array(v.person)),
        "kommun_kod": textcols.categorical(v.kommun, kommun_labels),
        "sjukhus": textcols.categorical(v.sjukhus, SJUKHUS),
        "klinik": textcols.categorical(v.klinik, KLINIKER),
        "vardform": textcols.categorical(v.psyk.astype(np.int32), ["somatik", "psykiatri"]),
        "akut": textcols.categorical(v.akut.astype(np.int32), ["N", "J"]),
        "inskrivning_tid": textcols.timestamps(v.adm, seconds),
        "utskrivning_tid": textcols.timestamps(v.dis, seconds, missing=v.ongoing),
        "huvuddiagnos": textcols.categorical(v.diagnos + len(codes) * v.nodot, diag_labels),
        "yttre_orsak": textcols.categorical(v.yttre, ("",) + FALL + ANNAN_ORSAK),
    }


#: The units of each municipality (type, hälsovalsenhet, klinik): two municipal units, two vårdcentraler,
#: psychiatry, a hospital ward and one other (e.g. school or Arbetsförmedlingen). Unit `k * 7 + j` is unit j of
#: municipality k.
ENHET_LAYOUT = (("kommun", "", ""), ("kommun", "", ""), ("primarvard", "Vårdcentralen Norra", ""),
                ("primarvard", "Vårdcentralen Södra", ""), ("psykiatri", "", "Psykiatriska kliniken"),
                ("slutenvard", "", "Medicinkliniken"), ("ovrig", "", ""))
UNITS_PER_KOMMUN = len(ENHET_LAYOUT)
UNIT_KOMMUN, UNIT_VC, UNIT_PSYK, UNIT_SLUTEN, UNIT_OVRIG = 0, 2, 4, 5, 6  # first unit of each type


@dataclass
class Enheter:
    """The care units that take part in SIPs and register KVÅ codes, per municipality."""

    labels_id: list[str]
    typ: list[str]
    halsoval: list[str]
    klinik: list[str]

    @classmethod
    def for_kommuner(cls, kommun_labels: list[str]) -> "Enheter":
        """The units of ENHET_LAYOUT for each municipality."""
        ids, typ, hv, kl = [], [], [], []
        for kod in kommun_labels:
            for j, (t, h, k) in enumerate(ENHET_LAYOUT):
                ids.append(f"{t[:2].upper()}{kod}{j}")
                typ.append(t)
                hv.append(h)
                kl.append(k)
        return cls(ids, typ, hv, kl)
