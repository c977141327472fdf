"""SIP quality and cost follow-up: participation survey (enkat), yearly plan review (granskning) and time
reports (tid).

Survey sheets are filled in after a SIP meeting by the individual, a relative or a legal representative; answers
lean positive, and some items are left empty, answered '0' or 'vet ej' (no answer). Some sheets are anonymous
(no sip_id). The yearly review samples established plans and rates each goal against SMART. Time reports record
the minutes each professional spent on a SIP event (preparation of a start, meetings), by employer (huvudman).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from . import textcols
from .katalog import Span
from .samsa import SipHandelser

RESPONDENTER = ("individ", "narstaende", "foretradare")
SVAR = ("5", "4", "3", "2", "1", "0", "", "vet ej")
SVAR_P = (0.34, 0.30, 0.15, 0.07, 0.04, 0.03, 0.04, 0.03)
MAL_STATUS = ("uppnatt", "delvis", "ej_uppnatt", "ej_bedomt")
#: Items worded negatively (seeds/indikatorer/sip_enkat_fragor.csv, is_omvand): their answers lean low.
NEGATIVA_FRAGOR = (4,)  # f5 "Jag kände mig överkörd ..."
#: answer index -> the mirrored answer (5 <-> 1, 4 <-> 2); no-answer codes stay
SPEGLAT_SVAR = np.array([4, 3, 2, 1, 0, 5, 6, 7])
ROLLER = ("biståndshandläggare", "sjukskoterska", "arbetsterapeut", "lakare", "kurator", "fysioterapeut")
#: Roles and their probabilities per unit type (kommun, primarvard, psykiatri, slutenvard).
ROLL_P = {
    "kommun": (0.6, 0.25, 0.15, 0.0, 0.0, 0.0),
    "primarvard": (0.0, 0.4, 0.1, 0.4, 0.0, 0.1),
    "psykiatri": (0.0, 0.3, 0.0, 0.2, 0.5, 0.0),
    "slutenvard": (0.0, 0.6, 0.0, 0.4, 0.0, 0.0),
}


def _first_meeting(e: SipHandelser) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Plan, municipality and day of each plan's upprättad event (one row per plan)."""
    est = np.flatnonzero(e.handelse == 1)
    plans, first = np.unique(e.plan[est], return_index=True)
    return plans, e.kommun[est[first]], e.tid[est[first]].astype("datetime64[D]")


def enkat(e: SipHandelser, span: Span, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Answer sheets: 35 % of established plans get one, 30 % of those a second from another respondent."""
    plans, kommun, day = _first_meeting(e)
    sheet = rng.random(len(plans)) < 0.35
    second = sheet & (rng.random(len(plans)) < 0.3)
    idx = np.concatenate([np.flatnonzero(sheet), np.flatnonzero(second)])
    n = len(idx)
    datum = day[idx] + rng.integers(0, 30, n).astype("timedelta64[D]")
    keep = datum < span.end
    idx, datum = idx[keep], datum[keep]
    n = len(idx)
    respondent = np.where(np.arange(n) < sheet.sum(), rng.choice(3, n, p=[0.7, 0.2, 0.1]), 1 + rng.integers(0, 2, n))
    order = np.lexsort((np.arange(n), datum))
    svar = rng.choice(len(SVAR), (n, 6), p=SVAR_P)
    for item in NEGATIVA_FRAGOR:
        svar[:, item] = SPEGLAT_SVAR[svar[:, item]]
    return {"plan": plans[idx][order], "kommun": kommun[idx][order], "datum": datum[order],
            "respondent": respondent[order], "anonymous": (rng.random(n) < 0.15)[order],
            "svar": svar[order]}


def enkat_columns(s: dict[str, np.ndarray], rows: np.ndarray, ids: np.ndarray,
                  kommun_labels: list[str]) -> dict[str, pa.Array]:
    """Text columns of enkat/sip_delaktighet (items f1–f6)."""
    sip = textcols.prefixed_ids("SIP", s["plan"][rows], 7)
    sip = textcols.replace(sip, np.flatnonzero(s["anonymous"][rows]).tolist(), [""] * int(s["anonymous"][rows].sum()))
    cols = {
        "svar_id": textcols.prefixed_ids("E", ids, 7),
        "sip_id": sip,
        "kommun_kod": textcols.categorical(s["kommun"][rows], kommun_labels),
        "datum": textcols.dates(s["datum"][rows]),
        "respondent": textcols.categorical(s["respondent"][rows], RESPONDENTER),
    }
    for q in range(6):
        cols[f"f{q + 1}"] = textcols.categorical(s["svar"][rows, q], SVAR)
    return cols


def granskning_columns(e: SipHandelser, year: int, kommun_labels: list[str],
                       rng: np.random.Generator) -> dict[str, pa.Array]:
    """The yearly review in November: 10 % of the plans established by October (at least five per
    municipality where there are as many), 1–5 goals each; SMART criteria J/N, goal status, plan ratings 1–5."""
    plans, kommun, day = _first_meeting(e)
    eligible = day < np.datetime64(f"{year}-11-01")
    u = rng.random(len(plans))
    order = np.lexsort((u, kommun))
    rank = np.empty(len(plans), dtype=np.int64)  # rank of the plan's draw within its municipality
    rank[order] = np.arange(len(plans)) - np.searchsorted(kommun[order], kommun[order])
    sampled = eligible & ((u < 0.10) | (rank < 5))
    idx = np.flatnonzero(sampled)
    goals = rng.integers(1, 6, len(idx))
    rep = np.repeat(idx, goals)
    mal_nr = np.arange(len(rep)) - np.repeat(np.cumsum(goals) - goals, goals) + 1
    n = len(rep)
    review_day = np.datetime64(f"{year}-11-01") + rng.integers(0, 30, len(plans)).astype("timedelta64[D]")
    smart = rng.random((n, 5)) < np.array([0.8, 0.6, 0.85, 0.75, 0.55])
    ratings = rng.choice(5, (len(plans), 3), p=[0.05, 0.1, 0.25, 0.35, 0.25]) + 1
    cols = {
        "sip_id": textcols.prefixed_ids("SIP", plans[rep], 7),
        "kommun_kod": textcols.categorical(kommun[rep], kommun_labels),
        "granskningsdatum": textcols.dates(review_day[rep]),
        "mal_nr": textcols.integers(mal_nr),
    }
    for j, name in enumerate(("specifikt", "matbart", "accepterat", "realistiskt", "tidsatt")):
        cols[name] = textcols.categorical(smart[:, j].astype(np.int32), ["N", "J"])
    cols["mal_status"] = textcols.categorical(rng.choice(4, n, p=[0.35, 0.35, 0.15, 0.15]), MAL_STATUS)
    for j, name in enumerate(("ansvar_tydligt", "samarbete", "resurser")):
        cols[name] = textcols.integers(ratings[rep, j])
    return cols


def sip_tid(e: SipHandelser, unit_typ: list[str], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Minutes per professional and SIP event: one or two roles per participating unit (none for 'ovrig');
    a start takes 20–60 minutes of preparation, a meeting 30–120; 3 % are reported with half minutes."""
    typ = np.array(unit_typ)[e.unit]
    rows, roles = [], []
    for t, p in ROLL_P.items():
        r = np.flatnonzero(typ == t)
        two = r[rng.random(len(r)) < 0.3]
        for part in (r, two):
            rows.append(part)
            roles.append(rng.choice(len(ROLLER), len(part), p=p))
    r = np.concatenate(rows)
    role = np.concatenate(roles)
    meeting = np.isin(e.handelse[r], (1, 2))
    minutes = np.where(meeting, 5 * rng.integers(6, 25, len(r)), 5 * rng.integers(4, 13, len(r))) * 100
    minutes = minutes + np.where(rng.random(len(r)) < 0.03, 50, 0)
    keep = e.handelse[r] != 3
    r, role, minutes = r[keep], role[keep], minutes[keep]
    order = np.lexsort((role, r))
    r, role, minutes = r[order], role[order], minutes[order]
    return {"row": r, "role": role, "minuter": minutes, "kommun_huvudman": typ[r] == "kommun"}


def tid_columns(t: dict[str, np.ndarray], rows: np.ndarray, e: SipHandelser,
                kommun_labels: list[str]) -> dict[str, pa.Array]:
    """Text columns of tid/sip_tid for the selected time rows."""
    r = t["row"][rows]
    return {
        "kommun_kod": textcols.categorical(e.kommun[r], kommun_labels),
        "huvudman": textcols.categorical((~t["kommun_huvudman"][rows]).astype(np.int32), ["kommun", "region"]),
        "sip_id": textcols.prefixed_ids("SIP", e.plan[r], 7),
        "datum": textcols.dates(e.tid[r]),
        "yrkesroll": textcols.categorical(t["role"][rows], ROLLER),
        "minuter": textcols.decimals(t["minuter"][rows], always=False),
    }


def kommun_minutes(t: dict[str, np.ndarray], e: SipHandelser, span: Span, n_kommuner: int) -> np.ndarray:
    """The municipalities' own SIP minutes per municipality × month of the span × (äldre, LSS plan): the
    coordination time the ledger books with aktivitet 'SIP' on the administration pools."""
    own = t["kommun_huvudman"]
    r = t["row"][own]
    month = (e.tid[r].astype("datetime64[M]") - span.start.astype("datetime64[M]")).astype(np.int64)
    key = (e.kommun[r] * span.n_months + month) * 2 + e.lss[r]
    minutes = np.bincount(key, weights=t["minuter"][own] / 100.0, minlength=n_kommuner * span.n_months * 2)
    return minutes.reshape(n_kommuner, span.n_months, 2)
