"""SAMSA, the shared planning tool: coordinated discharge (samsa/utskrivning) and SIP events (samsa/sip).

Coordinated discharge (lag 2017:612) concerns the episodes that need municipal care after discharge: mostly
elderly brukare. The admission notice is sent within 24 hours for most, later for some and missing for a few; the
patient is declared ready for discharge (utskrivningsklar) on the day of discharge for many, 1–3 days before for
most of the others, with a tail of long waits. The J/N flags come in the spellings real exports mix.

A SIP is started, established at a first meeting (upprättad), followed up at later meetings and closed; some are
still open at the end of the span. Municipal units always take part, primary care mostly, psychiatry for people
with psychiatric needs and the hospital ward when the SIP follows a discharge. Most meetings are held by video.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import textcols
from .columns import Columns
from .katalog import Span
from .region import (UNIT_KOMMUN, UNIT_OVRIG, UNIT_PSYK, UNIT_SLUTEN, UNIT_VC, UNITS_PER_KOMMUN, Enheter,
                     Vardtillfallen)
from .verksamhet import GRUPPER, Brukare

JA = ("J", "Ja", "1", "JA", "j")
NEJ = ("N", "nej", "0", "Nej", "n")
HANDELSER = ("startad", "upprattad", "uppfoljd", "avslutad")
MOTESFORMER = ("", "fysiskt", "video", "telefon")
LSS_GROUPS = {"lss_boende", "daglig_verksamhet", "assistans", "lss_barn"}


@dataclass
class Utskrivning:
    """Episodes in coordinated discharge planning, with their SAMSA timestamps (flags mark missing ones), the
    rows exported with seconds and the spelling (0–4, see JA/NEJ) of each J/N flag."""

    episode: np.ndarray
    notice: np.ndarray
    notice_missing: np.ndarray
    ready: np.ndarray
    ready_missing: np.ndarray
    contact: np.ndarray
    contact_missing: np.ndarray
    hsl: np.ndarray
    plan: np.ndarray
    seconds: np.ndarray
    hsl_spelling: np.ndarray
    plan_spelling: np.ndarray


def utskrivning(v: Vardtillfallen, rng: np.random.Generator) -> Utskrivning:
    """Select the episodes in coordinated discharge and draw their notice, ready and named-contact times."""
    n = len(v.person)
    p = np.select([v.brukare == 2, v.age >= 65, v.brukare == 1], [np.where(v.psyk, 0.3, 0.7), 0.2, 0.1], 0.01)
    ep = np.flatnonzero(rng.random(n) < p)
    m = len(ep)
    adm, dis = v.adm[ep], v.dis[ep]
    u = rng.random(m)
    delay_h = np.where(u < 0.86, rng.uniform(0.1, 20, m), rng.uniform(25, 96, m))
    notice = adm + (delay_h * 3600).astype("timedelta64[s]")
    notice_missing = u > 0.975
    # days between utskrivningsklar and discharge: most go home the day they are ready; the share that does varies
    # by municipality, so that the mean (Kalmar's yearly target 0.8 days) is met by some and missed by others, and
    # the days per 1 000 inhabitants 65+ stay at or below the national level of about 100 (docs/nationella_nivaer.md)
    same_day = rng.uniform(0.62, 0.76, int(v.kommun.max(initial=0)) + 1)[v.kommun[ep]]
    k = rng.random(m)
    days_before = np.where(k < same_day, 0, np.where(k < same_day + 0.22, rng.integers(1, 4, m),
                                                     4 + rng.geometric(0.3, m)))
    dis_day = dis.astype("datetime64[D]")
    ready_day = np.maximum(dis_day - days_before.astype("timedelta64[D]"), adm.astype("datetime64[D]"))
    ready = ready_day.astype("datetime64[s]") + (rng.integers(8 * 60, 16 * 60, m) * 60).astype("timedelta64[s]")
    ready = np.where(ready > dis, dis - np.timedelta64(1800, "s"), ready)
    ready = np.maximum(ready, adm)
    ready_missing = v.ongoing[ep] & (rng.random(m) < 0.7)
    hsl = rng.random(m) < 0.6
    contact = notice + (rng.uniform(2, 72, m) * 3600).astype("timedelta64[s]")
    contact_missing = ~hsl & (rng.random(m) < 0.8) | (rng.random(m) < 0.05)
    plan = rng.random(m) < 0.8
    spellings = rng.choice(len(JA), (2, m), p=[0.6, 0.15, 0.15, 0.05, 0.05])
    return Utskrivning(ep, notice, notice_missing, ready, ready_missing, contact, contact_missing, hsl, plan,
                       rng.random(m) < 0.3, spellings[0], spellings[1])


def _flag(values: np.ndarray, spelling: np.ndarray) -> pa.Array:
    """J/N flags in the mixed spellings of real exports (J, Ja, 1, JA, j / N, nej, 0, Nej, n)."""
    return textcols.categorical(np.where(values, spelling, 5 + spelling), JA + NEJ)


def utskrivning_columns(u: Utskrivning, rows: np.ndarray, v: Vardtillfallen, ids: np.ndarray,
                        kommun_labels: list[str], pnr: pa.Array) -> dict[str, pa.Array]:
    """Text columns of samsa/utskrivning for the selected rows of `u`."""
    ep = u.episode[rows]
    sec = u.seconds[rows]
    return {
        "vardtillfalle_id": textcols.prefixed_ids("VT", ids[ep], 9),
        "personnummer": pnr.take(pa.array(v.person[ep])),
        "kommun_kod": textcols.categorical(v.kommun[ep], kommun_labels),
        "inskrivningsmeddelande_tid": textcols.timestamps(u.notice[rows], sec, u.notice_missing[rows]),
        "utskrivningsklar_tid": textcols.timestamps(u.ready[rows], sec, u.ready_missing[rows]),
        "fast_vardkontakt_tid": textcols.timestamps(u.contact[rows], sec, u.contact_missing[rows]),
        "uppdrag_kommunal_hsl": _flag(u.hsl[rows], u.hsl_spelling[rows]),
        "utskrivningsplan": _flag(u.plan[rows], u.plan_spelling[rows]),
    }


@dataclass
class SipHandelser(Columns):
    """SIP event rows (one per event and participating unit): plan, person, municipality, event kind, time (s),
    unit (index into Enheter), meeting form, whether the plan is an LSS plan (for costing the time) and the
    event number its participating units share."""

    plan: np.ndarray
    person: np.ndarray
    kommun: np.ndarray
    handelse: np.ndarray
    tid: np.ndarray
    unit: np.ndarray
    motesform: np.ndarray
    lss: np.ndarray
    event: np.ndarray


@dataclass
class _Planer(Columns):
    """SIP plans: person, municipality, whether psychiatric or LSS needs, whether it follows a hospital stay
    (the ward takes part) and the start day (from the span start)."""

    person: np.ndarray
    kommun: np.ndarray
    psyk: np.ndarray
    lss: np.ndarray
    sluten: np.ndarray
    start: np.ndarray


def _plans(b: Brukare, v: Vardtillfallen, person_kommun: np.ndarray, span: Span, rng: np.random.Generator) -> _Planer:
    """Who gets a SIP: brukare active in the span (psychiatric needs most often, then LSS, then elderly) and
    psychiatric inpatients who are not brukare. Half of the plans of people with a finished hospital episode
    start 2–20 days after its discharge, so inpatient days before and after a SIP can be compared."""
    group = np.array([g.name for g in GRUPPER])[b.grupp]
    p_b = np.select([group == "psykisk_funktionsnedsattning", np.isin(group, list(LSS_GROUPS))], [0.15, 0.07], 0.05)
    chosen = (rng.random(len(b.person)) < np.minimum(p_b * span.days / 365.0, 0.9)) & (b.end > 0)
    psyk_pat = np.unique(v.person[v.psyk & (v.brukare == 0)])
    psyk_pat = psyk_pat[rng.random(len(psyk_pat)) < 0.15]
    m = len(psyk_pat)
    person = np.concatenate([b.person[chosen], psyk_pat])
    n = len(person)
    w0 = np.concatenate([np.maximum(b.start[chosen], 0), np.zeros(m)])
    w1 = np.concatenate([np.minimum(b.end[chosen], span.days), np.full(m, float(span.days))])
    start = w0 + rng.random(n) * np.maximum(w1 - w0, 1) * 0.9
    order = np.argsort(v.person, kind="stable")  # episodes are in admission order: the first one found is first
    pos = np.minimum(np.searchsorted(v.person[order], person), len(order) - 1)
    first_ep = order[pos]
    dis_day = (v.dis[first_ep] - span.start.astype("datetime64[s]")).astype(np.int64) / 86400.0
    after = (v.person[first_ep] == person) & ~v.ongoing[first_ep] & (dis_day > 0) & (rng.random(n) < 0.5)
    return _Planer(person, np.concatenate([b.kommun[chosen], person_kommun[psyk_pat]]),
                   np.concatenate([group[chosen] == "psykisk_funktionsnedsattning", np.ones(m, bool)]),
                   np.concatenate([np.isin(group[chosen], list(LSS_GROUPS)), np.zeros(m, bool)]),
                   after & (rng.random(n) < 0.6), np.where(after, dis_day + rng.uniform(2, 20, n), start))


def _event_days(start: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(plan, day, kind) of each event: started; established 7–40 days later (92 %); 0–4 follow-ups 60–200 days
    apart; closed (60 %) 30–150 days after the last meeting."""
    n = len(start)
    t1 = start + rng.uniform(7, 40, n)
    established = rng.random(n) < 0.92
    n_fu = np.minimum(rng.poisson(1.3, n), 4) * established
    fu_day = t1[:, None] + rng.uniform(60, 200, (n, 4)).cumsum(axis=1)
    last = np.where(n_fu > 0, fu_day[np.arange(n), np.maximum(n_fu - 1, 0)], t1)
    closed = np.flatnonzero(established & (rng.random(n) < 0.6))
    plans = [np.arange(n), np.flatnonzero(established)]
    days = [start, t1[established]]
    kinds = [np.zeros(n, int), np.ones(len(plans[1]), int)]
    for j in range(4):
        rows = np.flatnonzero(n_fu > j)
        plans.append(rows)
        days.append(fu_day[rows, j])
        kinds.append(np.full(len(rows), 2))
    plans.append(closed)
    days.append(last[closed] + rng.uniform(30, 150, len(closed)))
    kinds.append(np.full(len(closed), 3))
    return np.concatenate(plans), np.concatenate(days), np.concatenate(kinds)


def sip_events(b: Brukare, v: Vardtillfallen, person_kommun: np.ndarray, span: Span,
               rng: np.random.Generator) -> SipHandelser:
    """SIP plans and their events within the span (later events are not yet known: those plans stay open).

    A start and a close are registered by the initiating unit (municipality or vårdcentral); a meeting by every
    participant: the municipality always, primary care mostly, psychiatry for psychiatric needs, the ward after a
    hospital stay, another party sometimes. Meetings are held by video (65 %), in person or by telephone.
    """
    plans = _plans(b, v, person_kommun, span, rng)
    n = len(plans.person)
    plan_ev, ev_day, ev_kind = _event_days(plans.start, rng)
    keep = ev_day < span.days
    plan_ev, ev_day, ev_kind = plan_ev[keep], ev_day[keep], ev_kind[keep]
    meeting = np.isin(ev_kind, (HANDELSER.index("upprattad"), HANDELSER.index("uppfoljd")))
    form = np.where(meeting, 1 + rng.choice(3, len(ev_kind), p=[0.25, 0.65, 0.10]), 0)
    seconds = np.floor(ev_day).astype(np.int64) * 86400 + (8 * 60 + 15 * rng.integers(0, 33, len(ev_kind))) * 60
    tid = span.start.astype("datetime64[s]") + seconds.astype("timedelta64[s]")
    vc = UNIT_VC + rng.integers(0, 2, n)
    kommun_unit = UNIT_KOMMUN + rng.integers(0, 2, n)
    participants = (  # (takes part, which unit of the municipality)
        (np.ones(n, bool), kommun_unit),
        (rng.random(n) < 0.9, vc),
        (plans.psyk & (rng.random(n) < 0.8) | (rng.random(n) < 0.05), np.full(n, UNIT_PSYK)),
        (plans.sluten, np.full(n, UNIT_SLUTEN)),
        (rng.random(n) < 0.1, np.full(n, UNIT_OVRIG)),
    )
    initiator = np.where(rng.random(n) < 0.6, kommun_unit, vc)
    solo = np.flatnonzero(~meeting)
    out_rows, out_unit = [solo], [initiator[plan_ev[solo]]]
    for member, unit in participants:
        r = np.flatnonzero(meeting & member[plan_ev])
        out_rows.append(r)
        out_unit.append(unit[plan_ev[r]])
    r = np.concatenate(out_rows)
    pl = plan_ev[r]
    ev = SipHandelser(pl, plans.person[pl], plans.kommun[pl], ev_kind[r], tid[r],
                      plans.kommun[pl] * UNITS_PER_KOMMUN + np.concatenate(out_unit), form[r], plans.lss[pl], r)
    return ev.select(np.lexsort((ev.unit, ev.handelse, ev.tid, ev.plan)))


def sip_columns(e: SipHandelser, rows: np.ndarray, enheter: Enheter, kommun_labels: list[str],
                pnr: pa.Array) -> dict[str, pa.Array]:
    """Text columns of samsa/sip for the selected event rows."""
    unit = e.unit[rows]
    return {
        "sip_id": textcols.prefixed_ids("SIP", e.plan[rows], 7),
        "personnummer": pnr.take(pa.array(e.person[rows])),
        "kommun_kod": textcols.categorical(e.kommun[rows], kommun_labels),
        "handelse": textcols.categorical(e.handelse[rows], HANDELSER),
        "tid": textcols.timestamps(e.tid[rows]),
        "enhet_id": textcols.categorical(unit, enheter.labels_id),
        "enhet_typ": textcols.categorical(unit, enheter.typ),
        "halsovalsenhet": textcols.categorical(unit, enheter.halsoval),
        "klinik": textcols.categorical(unit, enheter.klinik),
        "motesform": textcols.categorical(e.motesform[rows], MOTESFORMER),
    }
