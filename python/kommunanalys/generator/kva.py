"""KVÅ registrations of the region's units (region/kva_<YYYY>.csv).

The units that took part in a SIP meeting may register it with a SIP KVÅ code; other procedures are registered
on the ward at discharge and at the vårdcentral's follow-up of elderly patients.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from . import textcols
from .columns import Columns
from .region import UNIT_PSYK, UNIT_SLUTEN, UNIT_VC, UNITS_PER_KOMMUN, Enheter, Vardtillfallen
from .samsa import HANDELSER, SipHandelser

#: KVÅ codes for SIP (the project's seed holds the same list) and other procedures registered by the units.
KVA_SIP = ("XS008", "AU124")
KVA_OVRIGA = ("XS001", "AU120", "DT026", "AF035")


@dataclass
class Kva(Columns):
    """KVÅ registrations: person, municipality, date (datetime64[D]), code index (SIP codes first), unit."""

    person: np.ndarray
    kommun: np.ndarray
    datum: np.ndarray
    kod: np.ndarray
    unit: np.ndarray


def registrations(sip: SipHandelser, enheter: Enheter, v: Vardtillfallen, rng: np.random.Generator) -> Kva:
    """SIP meetings coded by the region's units, and other procedures after inpatient episodes.

    Coding is voluntary: only about 45 % of SAMSA SIP meetings get a KVÅ code. When several region units took
    part, each codes the meeting with probability 0.7, and 3 % of registrations are entered twice by the same
    unit, so the same person and day appears several times (the duplicates the indicators must remove).
    """
    typ = np.array(enheter.typ)
    region_unit = np.isin(typ[sip.unit], ["primarvard", "psykiatri", "slutenvard"])
    meeting = np.isin(sip.handelse, (HANDELSER.index("upprattad"), HANDELSER.index("uppfoljd")))
    coded = rng.random(int(sip.event.max(initial=-1)) + 1) < 0.45
    rows = np.flatnonzero(meeting & region_unit & coded[sip.event] & (rng.random(len(sip.unit)) < 0.7))
    rows = np.concatenate([rows, rows[rng.random(len(rows)) < 0.03]])
    sip_code = (rng.random(len(rows)) < 0.3).astype(np.int64)
    # other procedures: at discharge on the ward, and a follow-up at the vårdcentral for some
    done = np.flatnonzero(~v.ongoing & (rng.random(len(v.person)) < 0.4))
    ward = v.kommun[done] * UNITS_PER_KOMMUN + np.where(v.psyk[done], UNIT_PSYK, UNIT_SLUTEN)
    follow = np.flatnonzero(~v.ongoing & (v.age >= 65) & (rng.random(len(v.person)) < 0.3))
    vc = v.kommun[follow] * UNITS_PER_KOMMUN + UNIT_VC + rng.integers(0, 2, len(follow))
    later = (v.dis[follow].astype("datetime64[D]") + rng.integers(7, 30, len(follow)).astype("timedelta64[D]"))
    k = Kva(
        person=np.concatenate([sip.person[rows], v.person[done], v.person[follow]]),
        kommun=np.concatenate([sip.kommun[rows], v.kommun[done], v.kommun[follow]]),
        datum=np.concatenate([sip.tid[rows].astype("datetime64[D]"), v.dis[done].astype("datetime64[D]"), later]),
        kod=np.concatenate([sip_code, len(KVA_SIP) + rng.integers(0, len(KVA_OVRIGA), len(done)),
                            np.full(len(follow), len(KVA_SIP) + 1)]),
        unit=np.concatenate([sip.unit[rows], ward, vc]),
    )
    order = np.lexsort((k.unit, k.person, k.datum))
    return k.select(order)


def columns(k: Kva, rows: np.ndarray, ids: np.ndarray, enheter: Enheter, kommun_labels: list[str],
                pnr: pa.Array) -> dict[str, pa.Array]:
    """Text columns of region/kva for the selected rows."""
    unit = k.unit[rows]
    return {
        "vardkontakt_id": textcols.prefixed_ids("VK", ids, 9),
        "personnummer": pnr.take(pa.array(k.person[rows])),
        "kommun_kod": textcols.categorical(k.kommun[rows], kommun_labels),
        "datum": textcols.dates(k.datum[rows]),
        "kva_kod": textcols.categorical(k.kod[rows], KVA_SIP + KVA_OVRIGA),
        "enhet_id": textcols.categorical(unit, enheter.labels_id),
        "halsovalsenhet": textcols.categorical(unit, enheter.halsoval),
        "klinik": textcols.categorical(unit, enheter.klinik),
    }
