"""The samverkan group's sources (issue 23): avvikelser i samverkan, the region's primary-care contacts and the
shares of the national surveys.

- **avvikelser/avvikelser**: deviations between the principals, mostly about discharges (the municipality reports
  the hospital), about 30 per 1 000 discharges [U]; the file has a free-text column that staging never reads.
- **primarvard/kontakter**: contacts of the inpatients' persons with their vårdcentral: a care request and its
  assessment (most within 3 days, the national level of about 85 % [U]), doctor's visits at home or in särskilt
  boende for the oldest.
- **nationell_enkat/andelar**: per year the county's share for each question of seeds/indikatorer/
  nationell_enkat_fragor.csv, and each municipality's for Nationell patientenkät, inside the ranges of
  seeds/indikatorer/nationella_nivaer.csv.
"""

from __future__ import annotations

import csv

import numpy as np
import pyarrow as pa

from . import textcols
from .katalog import SEEDS, Span
from .region import SJUKHUS, Vardtillfallen

KATEGORIER = ("informationsoverforing", "utskrivning", "lakemedel", "samordning", "hjalpmedel", "annat")
KATEGORI_P = (0.38, 0.22, 0.15, 0.12, 0.05, 0.08)
#: the joint steering document a category concerns ('' = none named)
STYRDOKUMENT = ("utskrivning", "utskrivning", "lakemedel", "sip", "hjalpmedel", "")
ALLVARLIGHET = ("mindre", "mattlig", "allvarlig", "katastrofal", "")
ALLVARLIGHET_P = (0.55, 0.3, 0.08, 0.01, 0.06)
#: deviations per discharge [U]: VG and Kalmar publish no national level
AVVIKELSER_PER_UTSKRIVNING = 0.03
KOMMUN_ENHETER = ("Hemsjukvården", "Hemtjänsten", "Korttidsboendet")
VARDCENTRALER = ("Norra", "Södra")


def kommun_namn(kommun_labels: list[str]) -> list[str]:
    """The municipalities' names (seeds/gemensam/kommuner.csv; a synthetic code stands for itself)."""
    with open(SEEDS / "gemensam" / "kommuner.csv", encoding="utf-8") as f:
        namn = {r["kommun_kod"]: r["kommun_namn"] for r in csv.DictReader(f)}
    return [namn.get(k, k) for k in kommun_labels]


def vardcentral_namn(kommun: str) -> list[str]:
    """The municipality's two health centres as the record names them (and seed analysgrupper lists them)."""
    return [f"Vårdcentralen {kommun} {del_}" for del_ in VARDCENTRALER]
YRKEN = ("lakare", "sjukskoterska", "annan")
PLATSER = ("mottagning", "hem", "sabo", "digital", "telefon")
#: (undersokning, fraga_id, low, high, per kommun): the demo's band of each share, inside nationella_nivaer
ENKAT = (
    ("vardbarometern", "VB_VARD_KVALL_HELG", 30, 45, False),
    ("npe", "NPE_PV_SAMORDNAR", 58, 72, True),
    ("vardbarometern", "VB_FORTROENDE_HSV", 55, 66, False),
    ("commonwealth", "CMWF_LAKARE_VARDPLAN", 20, 35, False),
    ("vardbarometern", "VB_VARDAS_HEMMA_DIGITALT", 45, 60, False),
    ("npe", "NPE_SV_DELAKTIGHET", 68, 82, True),
)


def avvikelser(vt: Vardtillfallen, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Deviations: a discharged episode gives one with probability AVVIKELSER_PER_UTSKRIVNING, dated the day of the
    discharge; 70 % reported by the municipality to the region, 25 % the other way, 5 % within the region."""
    done = np.flatnonzero(~vt.ongoing)
    rows = done[rng.random(len(done)) < AVVIKELSER_PER_UTSKRIVNING]
    n = len(rows)
    riktning = np.searchsorted(np.cumsum([0.7, 0.95, 1.0]), rng.random(n), side="right")
    return {"episode": rows, "datum": vt.dis[rows].astype("datetime64[D]"), "kommun": vt.kommun[rows],
            "sjukhus": vt.sjukhus[rows], "riktning": riktning,
            "kommun_enhet": rng.integers(0, len(KOMMUN_ENHETER), n),
            "kategori": rng.choice(len(KATEGORIER), n, p=KATEGORI_P),
            "allvarlighet": rng.choice(len(ALLVARLIGHET), n, p=ALLVARLIGHET_P)}


def avvikelser_columns(a: dict[str, np.ndarray], rows: np.ndarray, kommun_labels: list[str]) -> dict[str, pa.Array]:
    """Text columns of avvikelser/avvikelser (rows: indices into `a`, also their ids)."""
    kommun, riktning = a["kommun"][rows], a["riktning"][rows]
    sjukhus = np.asarray(SJUKHUS, dtype=object)[a["sjukhus"][rows]]
    namn = kommun_namn(kommun_labels)
    kommun_enhet = np.array([f"{KOMMUN_ENHETER[e]} {namn[k]}" for e, k in zip(a["kommun_enhet"][rows], kommun)],
                            dtype=object)
    vardcentral = np.array([vardcentral_namn(namn[k])[0] for k in kommun], dtype=object)
    rapporterande = np.where(riktning == 0, kommun_enhet, sjukhus)
    mottagande = np.where(riktning == 1, kommun_enhet, np.where(riktning == 2, vardcentral, sjukhus))
    kategori = a["kategori"][rows]
    return {
        "avvikelse_id": textcols.prefixed_ids("AV", rows + 1, 7),
        "avvikelse_datum": textcols.dates(a["datum"][rows]),
        "rapporterande_huvudman": textcols.categorical((riktning != 0).astype(np.int32), ["kommun", "region"]),
        "rapporterande_enhet": pa.array(list(rapporterande), pa.string()),
        "mottagande_huvudman": textcols.categorical((riktning == 1).astype(np.int32), ["region", "kommun"]),
        "mottagande_enhet": pa.array(list(mottagande), pa.string()),
        "kommun_kod": textcols.categorical(kommun, kommun_labels),
        "kategori": textcols.categorical(kategori, KATEGORIER),
        "styrdokument": textcols.categorical(kategori, STYRDOKUMENT),
        "allvarlighet": textcols.categorical(a["allvarlighet"][rows], ALLVARLIGHET),
        # free text as the deviation system exports it: never read by staging
        "beskrivning": textcols.categorical(kategori, [f"Avvikelse ({k}), se ärendet i avvikelsesystemet"
                                                       for k in KATEGORIER]),
    }


def kontakter(vt: Vardtillfallen, span: Span, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Primary-care contacts of the persons with an inpatient episode: two a year on average; residents of
    särskilt boende (a third of the elderly brukare) are seen there, others at the centre, at home, by phone or
    digitally. 92 % are assessed, most within 3 days."""
    persons, first = np.unique(vt.person, return_index=True)
    kommun, age, brukare = vt.kommun[first], vt.age[first], vt.brukare[first]
    sabo = (brukare == 2) & (rng.random(len(persons)) < 0.35)
    per_person = rng.poisson(2.0 * (span.last_year - span.first_year + 1), len(persons))
    p = np.repeat(np.arange(len(persons)), per_person)
    n = len(p)
    day = rng.integers(0, span.days, n)
    is_sabo = sabo[p]
    lakarbehov = rng.random(n) < np.where(is_sabo, 0.45, 0.3)
    assessed = rng.random(n) < 0.92
    delay = np.where(rng.random(n) < 0.84, rng.integers(0, 4, n), 4 + rng.geometric(0.2, n))
    bedomning = np.minimum(day + delay, span.days - 1)
    yrke = np.where(lakarbehov, np.where(rng.random(n) < 0.85, 0, 1), rng.choice(3, n, p=(0.3, 0.55, 0.15)))
    plats_ordinart = rng.choice(len(PLATSER), n, p=(0.58, 0.07, 0.0, 0.15, 0.2))
    plats_sabo = rng.choice(len(PLATSER), n, p=(0.1, 0.0, 0.6, 0.1, 0.2))
    order = np.argsort(day, kind="stable")
    return {"person": persons[p][order], "kommun": kommun[p][order], "age": age[p][order],
            "sabo": is_sabo[order], "vc": (persons[p][order] % len(VARDCENTRALER)),
            "day": day[order], "bedomning": bedomning[order], "assessed": assessed[order],
            "yrke": yrke[order], "plats": np.where(is_sabo, plats_sabo, plats_ordinart)[order],
            "lakarbehov": lakarbehov[order]}


def kontakter_columns(k: dict[str, np.ndarray], rows: np.ndarray, span: Span, kommun_labels: list[str],
                      pnr: pa.Array) -> dict[str, pa.Array]:
    """Text columns of primarvard/kontakter (rows: indices into `k`, also their ids)."""
    start = span.start.astype("datetime64[D]")
    assessed = k["assessed"][rows]
    bedomning = textcols.dates(start + k["bedomning"][rows].astype("timedelta64[D]"))
    return {
        "kontakt_id": textcols.prefixed_ids("PV", rows + 1, 8),
        "personnummer": pnr.take(pa.array(k["person"][rows])),
        "kommun_kod": textcols.categorical(k["kommun"][rows], kommun_labels),
        "vardcentral": textcols.categorical(k["kommun"][rows] * len(VARDCENTRALER) + k["vc"][rows],
                                            [v for n in kommun_namn(kommun_labels) for v in vardcentral_namn(n)]),
        "boendeform": textcols.categorical(k["sabo"][rows].astype(np.int32), ["ordinart", "sabo"]),
        "kontakt_datum": textcols.dates(start + k["day"][rows].astype("timedelta64[D]")),
        "bedomning_datum": pa.array([b if a else "" for b, a in zip(bedomning.to_pylist(), assessed)], pa.string()),
        "yrkeskategori": textcols.categorical(np.where(assessed, k["yrke"][rows] + 1, 0), ("",) + YRKEN),
        "plats": textcols.categorical(k["plats"][rows], PLATSER),
        "lakarbehov": textcols.categorical(k["lakarbehov"][rows].astype(np.int32), ["N", "J"]),
    }


def enkat_columns(year: int, kommun_labels: list[str], rng: np.random.Generator) -> dict[str, pa.Array]:
    """nationell_enkat/andelar for one year: the county's share of every question (county = the first two digits
    of the municipalities' codes), and each municipality's for the Nationell patientenkät questions."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    for lan in sorted({k[:2] for k in kommun_labels}):
        for undersokning, fraga, lo, hi, per_kommun in ENKAT:
            rows.append((undersokning, fraga, lan, "", f"{rng.uniform(lo, hi):.1f}", str(rng.integers(800, 3000))))
            if per_kommun:
                for kommun in (k for k in kommun_labels if k[:2] == lan):
                    rows.append((undersokning, fraga, lan, kommun, f"{rng.uniform(lo, hi):.1f}",
                                 str(rng.integers(60, 400))))
    columns = list(zip(*rows))
    names = ("undersokning", "fraga_id", "lan_kod", "kommun_kod", "andel", "antal_svar")
    out = {name: pa.array(list(col), pa.string()) for name, col in zip(names, columns)}
    return {"undersokning": out["undersokning"], "fraga_id": out["fraga_id"],
            "ar": textcols.constant(str(year), len(rows)), "lan_kod": out["lan_kod"],
            "kommun_kod": out["kommun_kod"], "andel": pa.array([a.replace(".", ",") for a in out["andel"].to_pylist()]),
            "antal_svar": out["antal_svar"]}
