"""The economy system: ledger outcome (ekonomi/huvudbok_<YYYY>.csv) and budget (ekonomi/budget_<YYYY>.csv).

The ledger is derived from the volumes, so KPB's unit costs come out right: an insats's direct cost is its
volume (in the seed's volymtyp) × a target total unit cost ÷ (1 + its expected shared-pool surcharge), with a
municipality factor. The cost is then booked as a municipality's ledger would: per month on several Kommun-Bas
accounts (salaries 50xx, social fees 54xx, pensions 55xx, material 44xx, premises 61xx–64xx, transport and IT
70xx–76xx), split over responsibility units (ansvar) by unit size. Revenues are booked on the Kommun-Bas 13 groups
of seeds/kpb/kpb_intaktsgrupper.csv: sales of verksamhet and internal revenue on 36xx (netted against the insats),
user fees on 3132 (group 31) and meals paid by the brukare on 3020 (group 30), residents' rents on 3412 (group 34),
state grants on 3511 and Försäkringskassan's assistance payments on 3531 (group 35) - all excluded from the KPB
cost base; extern regi is purchased on 46xx. Shared pools (nämnd, administration of the own units, needs
assessment and contract follow-up for both regi, the SIP coordination time, shared premises of the boenden, MAS,
and the municipality-wide overhead on 91000 of which a share enters KPB) make about 10–15 % of the in-scope cost.
Verksamheter outside KPB (schools, IFO, infrastructure) and financial accounts (8xxx) complete the ledger.
Every code string is one that seeds/kpb/kpb_oversattning.csv maps.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from . import textcols
from .katalog import ICKE_BRUKARRELATERADE, KODER, LSS_INSATSER, Span
from .verksamhet import Volymer

#: Kommun-Bas accounts and their share of an insats's gross cost in egen regi, per cost structure.
KONTO_STRUKTUR: dict[str, dict[str, float]] = {
    "personal": {"5011": 0.50, "5021": 0.07, "5061": 0.03, "5411": 0.19, "5511": 0.04, "5611": 0.01,
                 "4411": 0.03, "6111": 0.03, "7011": 0.06, "7311": 0.02, "7621": 0.02},
    "boende": {"5011": 0.48, "5021": 0.07, "5061": 0.03, "5411": 0.18, "5511": 0.04, "5611": 0.01,
               "4411": 0.03, "4421": 0.02, "6111": 0.10, "6421": 0.02, "7311": 0.01, "7621": 0.01},
    "material": {"5011": 0.30, "5411": 0.11, "4411": 0.20, "4421": 0.25, "7011": 0.08, "7311": 0.06},
    "bidrag": {"4011": 0.85, "5011": 0.10, "5411": 0.05},
}
INSATS_STRUKTUR = {"SABO": "boende", "KORT": "boende", "BOPSYK": "boende", "GRUPP": "boende", "SERVBO": "boende",
                   "BOBARN": "boende", "KORTLSS": "boende", "UTSKRK": "boende", "MAT": "material",
                   "LARM": "material", "BOSTANP": "bidrag"}
#: User fee (konto 3132, Kommun-Bas group 31, excluded by KPB) as a share of the insats's direct cost; the meals of
#: matdistribution are paid on 3020 (group 30, the brukare's payment for goods, also excluded).
AVGIFT = {"HT": 0.06, "LARM": 0.5, "MAT": 0.55, "KORT": 0.05, "SABO": 0.07, "DAGV": 0.05, "HTSERV": 0.06}
AVGIFT_KONTO = {"MAT": "3020"}
#: Residents' rent (konto 3412, group 34, excluded) per dygn of the boenden in egen regi (about 5 800 kr a month).
HYRA_PER_DYGN = {"SABO": 190.0, "GRUPP": 180.0, "SERVBO": 180.0, "BOPSYK": 170.0}
#: State grants (konto 3511, group 35, excluded: e.g. stimulansmedel) as a share of the direct cost.
STATSBIDRAG = {"HT": 0.015, "SABO": 0.01}
#: Försäkringskassan's hourly payment for personlig assistans (schablon 2024: 332,60 kr), paid for ~96 % of hours.
FK_SCHABLON_2024 = 332.60
#: Revenue from sales (internal, other municipalities, the region) as a share of direct cost, netted in KPB.
FORSALJNING = 0.03
#: Shared pools as shares of their receivers' direct cost (kpb_kostnadspooler / kpb_poolmottagare): management of
#: the own units (egen regi only), needs assessment and contract follow-up (both regi), nämnd, shared premises.
POOL_ADM_ALDRE, POOL_ADM_LSS, POOL_NAMND, POOL_LOKAL = 0.06, 0.05, 0.02, 0.06
POOL_MYND_ALDRE, POOL_MYND_LSS = 0.025, 0.02
#: Share of the municipality-wide overhead (verksamhet 91000) that kpb_poolmottagare brings into KPB.
KOMMUNGEMENSAM_ANDEL = 0.34
POOL_MAS_PER_INVANARE = 17.0
#: Salary cost per hour of the municipality's SIP coordination time (booked with aktivitet 'SIP' on the
#: administration pools 51900 and 52900).
SIP_TIMKOSTNAD = 480.0

#: Out-of-scope verksamheter (RS-like codes) with net cost in kr per inhabitant and year.
UTANFOR = {"10000": 650, "21000": 2_400, "26000": 900, "31000": 1_100, "35000": 1_500, "40700": 9_000,
           "41000": 14_500, "43000": 6_000, "45000": 1_100, "61000": 3_600, "63000": 2_300, "65000": 1_300,
           "71000": 400, "81000": 2_800, "91000": 2_600, "92000": 1_500}
POOLER = {"NAMND": "50010", "ADM_ALDRE": "51900", "LOKAL_BOENDE": "51910", "MAS": "51920", "ADM_LSS": "52900",
          "MYNDIGHET_ALDRE": "51900", "MYNDIGHET_LSS": "52900"}
#: Counterparts; the last, GRANNKOMMUN, is written as the code of the neighbouring municipality (sales of places).
MOTPARTER = ("", "INTERN", "Försäljning-Region", "Privata utförare", "Försäkringskassan", "Statens skolverk",
             "GRANNKOMMUN")
GRANNKOMMUN = MOTPARTER.index("GRANNKOMMUN")
PROJEKT = ("", "Välfärdsteknik", "Heltidsresan", "Kompetenslyftet äldreomsorg")
AKTIVITETER = ("", "SIP", "BISTAND")

INSATSER = sorted({k.insats for k in KODER})
INSATS_VERKSAMHET = {k.insats: k.verksamhet for k in KODER}
VERKSAMHETER = tuple(sorted(set(INSATS_VERKSAMHET.values()) | {v for v, _ in ICKE_BRUKARRELATERADE.values()}
                            | set(POOLER.values()) | set(UTANFOR)))
V_INDEX = {v: i for i, v in enumerate(VERKSAMHETER)}
KONTON = tuple(sorted({k for s in KONTO_STRUKTUR.values() for k in s}
                      | {"3020", "3132", "3412", "3511", "3531", "3611", "3691", "4611", "6511", "8311", "8411"}))
K_INDEX = {k: i for i, k in enumerate(KONTON)}


def surcharge(insats: str, extern: bool) -> float:
    """The pool surcharge an insats can expect; its direct cost is calibrated so that direct × (1 + surcharge) hits
    the target unit cost. Egen regi: management of the own units, needs assessment, nämnd, the municipality-wide
    overhead's share, shared premises, MAS. Extern regi: only needs assessment and contract follow-up (with their
    share of nämnd and overhead), MAS."""
    lss = insats in LSS_INSATSER
    mynd = POOL_MYND_LSS if lss else POOL_MYND_ALDRE
    adm = 0.0 if extern else (POOL_ADM_LSS if lss else POOL_ADM_ALDRE)
    # nämnd, the overhead's share and the SIP time reach the insatser through the ADM / MYNDIGHET pools (measured
    # on the demo: about 10 % more for egen regi in äldreomsorg, 4-5 % in LSS and for extern regi)
    s = adm + mynd + (0.04 if extern else (0.045 if lss else 0.105))
    if insats in ("SABO", "KORT") and not extern:
        s += POOL_LOKAL
    if insats in ("SABOHSL", "HSJV"):
        s += 0.01
    return s


class _Lines:
    """Ledger amounts before the split over ansvar. Every amount is a vector over municipality × month of the
    span (municipality-major); each added line also names its verksamhet, konto, motpart, projekt, aktivitet."""

    def __init__(self, n_kommuner: int, n_months: int) -> None:
        self.kommun = np.repeat(np.arange(n_kommuner), n_months)
        self.month = np.tile(np.arange(n_months), n_kommuner)
        self.amounts: list[np.ndarray] = []
        self.attrs: list[tuple[int, int, int, int, int]] = []

    def add(self, amount: np.ndarray, verksamhet: str, konto: str, motpart: str = "", projekt: str = "",
            aktivitet: str = "") -> None:
        self.amounts.append(amount)
        self.attrs.append((V_INDEX[verksamhet], K_INDEX[konto], MOTPARTER.index(motpart), PROJEKT.index(projekt),
                           AKTIVITETER.index(aktivitet)))


def direct_costs(v: Volymer, n_kommuner: int, span: Span, rng: np.random.Generator,
                 volymtyp: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Direct cost and volume per municipality × insats × regi × month (kr; seed volymtyp units)."""
    ins_of_kod = np.array([INSATSER.index(k.insats) for k in KODER])
    wants_utford = np.array([volymtyp[k.insats] == "utford" for k in KODER])
    rows = v.utford == wants_utford[v.kod]
    M = span.n_months
    key = ((v.kommun[rows] * len(INSATSER) + ins_of_kod[v.kod[rows]]) * 2 + v.extern[rows]) * M + v.month[rows]
    vol = np.bincount(key, weights=v.volym[rows] / 100.0, minlength=n_kommuner * len(INSATSER) * 2 * M)
    vol = vol.reshape(n_kommuner, len(INSATSER), 2, M)
    target = {k.insats: k.unit_cost for k in KODER}
    price = np.array([target[i] for i in INSATSER])
    year = span.first_year + np.arange(M) // 12
    trend = (1 + 0.025 * (year - 2023))[None, None, None, :]  # costs rise about 2.5 % a year
    factor = rng.lognormal(0.0, 0.06, (n_kommuner, len(INSATSER), 1, 1)) * trend
    factor = np.clip(factor, 0.9, 1.1)
    s = np.array([[surcharge(i, e) for e in (False, True)] for i in INSATSER])
    regi_price = np.array([1.0, 0.97])
    cost = vol * price[None, :, None, None] * factor * regi_price[None, None, :, None] / (1 + s[None, :, :, None])
    return cost, vol


def ledger(v: Volymer, pop_year: np.ndarray, pop65_year: np.ndarray, sip_minutes: np.ndarray, span: Span,
           rng: np.random.Generator, volymtyp: dict[str, str]) -> dict[str, np.ndarray]:
    """All ledger rows of the span: arrays kommun, month, verksamhet, konto, motpart, projekt, aktivitet, ansvar
    (label indexes) and belopp in öre. pop_year/pop65_year: inhabitants per municipality and span year;
    sip_minutes: the municipalities' SIP coordination minutes per municipality × month × (äldre, LSS)."""
    K, M = len(pop_year), span.n_months
    lines = _Lines(K, M)
    monthly_pop = np.repeat(pop_year, 12, axis=1).ravel() / 12.0
    monthly_pop65 = np.repeat(pop65_year, 12, axis=1).ravel() / 12.0
    aldre, lss, lokal, aldre_egen, lss_egen = _insats_lines(lines, *direct_costs(v, K, span, rng, volymtyp), span)
    for insats, (verksamhet, per_capita) in ICKE_BRUKARRELATERADE.items():
        amount = (monthly_pop65 if insats == "OPPEN" else monthly_pop) * per_capita * rng.uniform(0.85, 1.15, K * M)
        for konto, share in KONTO_STRUKTUR["personal"].items():
            lines.add(amount * share, verksamhet, konto)
        if insats == "OPPEN":
            aldre += amount
            aldre_egen += amount
        else:
            lss += amount
            lss_egen += amount
    _pool_lines(lines, aldre, lss, lokal, aldre_egen, lss_egen, monthly_pop,
                sip_minutes.reshape(K * M, 2) / 60.0 * SIP_TIMKOSTNAD)
    for verksamhet, per_capita in UTANFOR.items():
        amount = monthly_pop * per_capita * rng.uniform(0.9, 1.1, K * M)
        for konto, share in KONTO_STRUKTUR["personal"].items():
            lines.add(amount * share * 1.1, verksamhet, konto)
        lines.add(-amount * 0.07, verksamhet, "3132")
        lines.add(-amount * 0.03, verksamhet, "3511", motpart="Statens skolverk" if verksamhet[0] == "4" else "")
    lines.add(monthly_pop * 380, "91000", "8411")
    lines.add(-monthly_pop * 120, "91000", "8311")
    lines.add(monthly_pop * 25, "51100", "8411")
    return _split_over_ansvar(lines, pop_year[:, 0], rng)


def _insats_lines(lines: _Lines, cost: np.ndarray, vol: np.ndarray, span: Span
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Book each insats: gross costs on its accounts (some on projects), sales revenue netted on the insats,
    purchases in extern regi, user fees and Försäkringskassan's payments. Returns the direct cost per
    municipality × month of the äldre and LSS areas (both regi, and egen regi only) and of SABO/KORT egen regi (the
    pools' receivers)."""
    aldre, lss, lokal, aldre_egen, lss_egen = (np.zeros(lines.kommun.size) for _ in range(5))
    year = span.first_year + lines.month // 12
    for ii, insats in enumerate(INSATSER):
        verksamhet = INSATS_VERKSAMHET[insats]
        egen, extern = cost[:, ii, 0, :].ravel(), cost[:, ii, 1, :].ravel()
        for konto, share in KONTO_STRUKTUR[INSATS_STRUKTUR.get(insats, "personal")].items():
            gross = egen * (1 + FORSALJNING) * share
            if konto in ("4411", "7311") and insats in ("HT", "LARM", "HSJV"):
                lines.add(gross * 0.2, verksamhet, konto, projekt="Välfärdsteknik")
                gross = gross * 0.8
            if konto == "5011" and insats in ("SABO", "HT"):
                project = "Heltidsresan" if insats == "SABO" else "Kompetenslyftet äldreomsorg"
                lines.add(gross * 0.04, verksamhet, konto, projekt=project)
                gross = gross * 0.96
            lines.add(gross, verksamhet, konto)
        if insats != "BOSTANP":
            # Kommun-Bas group 36: sales of verksamhet and internal revenue, netted against the insats
            for motpart, share in (("INTERN", 0.45), ("Försäljning-Region", 0.2), ("GRANNKOMMUN", 0.15)):
                lines.add(-egen * FORSALJNING * share, verksamhet, "3611", motpart=motpart)
            lines.add(-egen * FORSALJNING * 0.2, verksamhet, "3691")
        lines.add(extern, verksamhet, "4611", motpart="Privata utförare")
        if insats in AVGIFT:  # groups 31 / 30, excluded
            lines.add(-(egen + extern) * AVGIFT[insats], verksamhet, AVGIFT_KONTO.get(insats, "3132"))
        if insats in HYRA_PER_DYGN:  # group 34, excluded
            lines.add(-vol[:, ii, 0, :].ravel() * HYRA_PER_DYGN[insats], verksamhet, "3412")
        if insats in STATSBIDRAG:  # group 35, excluded
            lines.add(-egen * STATSBIDRAG[insats], verksamhet, "3511")
        if insats == "PASFB":  # group 35 with motpart Försäkringskassan: excluded, attributed to PASFB
            hours = vol[:, ii, :, :].sum(axis=1).ravel()
            rate = FK_SCHABLON_2024 * 0.98 ** (2024 - year)
            lines.add(-hours * rate * 0.96, verksamhet, "3531", motpart="Försäkringskassan")
        area = lss if insats in LSS_INSATSER else aldre  # the same array: updated in place
        area += egen + extern
        area_egen = lss_egen if insats in LSS_INSATSER else aldre_egen
        area_egen += egen
        if insats in ("SABO", "KORT"):
            lokal += egen
    return aldre, lss, lokal, aldre_egen, lss_egen


def _pool_lines(lines: _Lines, aldre: np.ndarray, lss: np.ndarray, lokal: np.ndarray, aldre_egen: np.ndarray,
                lss_egen: np.ndarray, monthly_pop: np.ndarray,
                sip_cost: np.ndarray) -> None:
    """The shared pools, sized on their receivers' direct cost; the SIP coordination time (sip_cost: kr per
    municipality × month × (äldre, LSS)) is booked with aktivitet 'SIP' on the administration pools."""
    pools = {
        "ADM_ALDRE": (aldre_egen * POOL_ADM_ALDRE, sip_cost[:, 0], ""),
        "ADM_LSS": (lss_egen * POOL_ADM_LSS, sip_cost[:, 1], ""),
        "MYNDIGHET_ALDRE": (aldre * POOL_MYND_ALDRE, None, "BISTAND"),
        "MYNDIGHET_LSS": (lss * POOL_MYND_LSS, None, "BISTAND"),
        "NAMND": ((aldre + lss) * POOL_NAMND, None, ""),
        "LOKAL_BOENDE": (lokal * POOL_LOKAL, None, ""),
        "MAS": (monthly_pop * POOL_MAS_PER_INVANARE, None, ""),
    }
    for pool, (amount, sip, aktivitet) in pools.items():
        verksamhet = POOLER[pool]
        struktur = {"6111": 0.7, "6421": 0.1, "6511": 0.2} if pool == "LOKAL_BOENDE" else KONTO_STRUKTUR["personal"]
        for konto, share in struktur.items():
            lines.add(amount * share, verksamhet, konto, aktivitet=aktivitet)
            if sip is not None and konto in ("5011", "5411"):
                lines.add(sip * (0.75 if konto == "5011" else 0.25), verksamhet, konto, aktivitet="SIP")


def _split_over_ansvar(lines: _Lines, pop: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Spread each line over the verksamhet's responsibility units: larger municipalities have more units
    (about one per 15 000 inhabitants and verksamhet), each with a fixed size share and monthly noise."""
    amount = np.concatenate(lines.amounts)
    keep = amount != 0
    attrs = np.repeat(np.array(lines.attrs), lines.kommun.size, axis=0)[keep]
    kommun = np.tile(lines.kommun, len(lines.amounts))[keep]
    month = np.tile(lines.month, len(lines.amounts))[keep]
    amount = amount[keep]
    max_units = 12
    n_units = np.clip(np.round(pop / 15_000), 1, max_units).astype(np.int64)
    weights = rng.gamma(2.0, 1.0, (len(pop), len(VERKSAMHETER), max_units))
    weights *= np.arange(max_units)[None, None, :] < n_units[:, None, None]
    weights /= weights.sum(axis=2, keepdims=True)
    per_line = n_units[kommun]
    rep = np.repeat(np.arange(len(amount)), per_line)
    unit = np.arange(len(rep)) - np.repeat(np.cumsum(per_line) - per_line, per_line)
    verksamhet = attrs[rep, 0]
    share = weights[kommun[rep], verksamhet, unit] * rng.uniform(0.97, 1.03, len(rep))
    ore = np.round(amount[rep] * share * 100).astype(np.int64)
    # file order: municipality, month, verksamhet, ansvar, konto (one composite key sorts fastest)
    key = (((kommun[rep] * (month.max(initial=0) + 1) + month[rep]) * len(VERKSAMHETER) + verksamhet) * max_units
           + unit) * len(KONTON) + attrs[rep, 1]
    order = np.argsort(np.where(ore != 0, key, -1), kind="stable")
    order = order[np.count_nonzero(ore == 0):]
    out = {"kommun": kommun[rep].astype(np.int32), "month": month[rep].astype(np.int16),
           "verksamhet": verksamhet.astype(np.int16), "konto": attrs[rep, 1].astype(np.int16),
           "motpart": attrs[rep, 2].astype(np.int8), "projekt": attrs[rep, 3].astype(np.int8),
           "aktivitet": attrs[rep, 4].astype(np.int8), "ansvar": unit.astype(np.int16), "belopp": ore}
    return {k: a[order] for k, a in out.items()}


def ledger_columns(rows: np.ndarray, led: dict[str, np.ndarray], kommun_labels: list[str],
                   periods: list[str]) -> dict[str, pa.Array]:
    """Text columns of ekonomi/huvudbok for the selected rows; ansvar is a code per verksamhet and unit."""
    kommun = led["kommun"][rows]
    motpart = led["motpart"][rows].astype(np.int64)
    neighbour = GRANNKOMMUN + (kommun + 1) % len(kommun_labels)
    motpart = np.where(motpart == GRANNKOMMUN, neighbour, motpart)
    ansvar = led["verksamhet"][rows].astype(np.int64) * 100 + led["ansvar"][rows] + 1
    return {
        "kommun_kod": textcols.categorical(kommun, kommun_labels),
        "period": textcols.categorical(led["month"][rows], periods),
        "konto": textcols.categorical(led["konto"][rows], KONTON),
        "ansvar": textcols.zero_padded(10_000 + ansvar, 5),
        "verksamhet": textcols.categorical(led["verksamhet"][rows], VERKSAMHETER),
        "aktivitet": textcols.categorical(led["aktivitet"][rows], AKTIVITETER),
        "projekt": textcols.categorical(led["projekt"][rows], PROJEKT),
        "motpart": textcols.categorical(motpart, list(MOTPARTER[:GRANNKOMMUN]) + kommun_labels),
        "belopp": textcols.decimals(led["belopp"][rows], always=True),
    }


def budget_columns(led: dict[str, np.ndarray], year_index: int, year: int, kommun_labels: list[str],
                   rng: np.random.Generator) -> dict[str, pa.Array]:
    """Yearly budget per municipality, verksamhet and aktivitet: the outcome ± 5 %, rounded to thousands."""
    rows = led["month"] // 12 == year_index
    K = len(kommun_labels)
    n_akt = len(AKTIVITETER)
    key = (led["kommun"][rows] * len(VERKSAMHETER) + led["verksamhet"][rows]) * n_akt + led["aktivitet"][rows]
    total = np.bincount(key, weights=led["belopp"][rows] / 100.0, minlength=K * len(VERKSAMHETER) * n_akt)
    present = np.bincount(key, minlength=K * len(VERKSAMHETER) * n_akt) > 0
    cells = np.flatnonzero(present)
    amount = np.round(total[cells] * rng.uniform(0.95, 1.05, len(cells)) / 1000) * 1000
    kommun, rest = np.divmod(cells, len(VERKSAMHETER) * n_akt)
    verksamhet, aktivitet = np.divmod(rest, n_akt)
    return {"kommun_kod": textcols.categorical(kommun, kommun_labels),
            "ar": textcols.constant(str(year), len(cells)),
            "verksamhet": textcols.categorical(verksamhet, VERKSAMHETER),
            "aktivitet": textcols.categorical(aktivitet, AKTIVITETER),
            "belopp": textcols.decimals(np.round(amount * 100).astype(np.int64), always=True)}
