"""What the synthetic municipalities look like: scale, municipality list and the catalogue of local insats codes.

The catalogue ties each local code of `seeds/kpb/kpb_lokala_insatskoder.csv` to its standard insats, the volume
type the seed `kpb_standardinsatser.csv` uses for unit costs, how a month's volume is drawn, and the total unit cost
(direct cost plus shared-pool surcharge) the ledger is calibrated to, at 2023 prices (docs/nationella_nivaer.md):
hemtjänst about 540 kr per beviljad timme (Kolada U21003 level, the demo's riket value), särskilt boende about
2 350 kr per dygn, gruppbostad about 4 100 kr per dygn, personlig assistans SFB about 380 kr per timme (schablon
2024 332,60 kr plus the municipality's own costs) - the 2014-16 SKL figures of domain.md §1.7 raised to current
prices [U]; the others are plausible guesses and only shape the demo.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
import numpy as np

from ..paths import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"

#: Population on 31 December 2023 (rounded, SCB) of the municipalities in seeds/gemensam/kommuner.csv.
KNOWN_POPULATION = {
    "0880": 71_500, "0881": 20_600, "0882": 27_300, "0883": 36_200, "0884": 15_600, "0885": 10_900,
    "0821": 5_600, "0834": 7_100, "0840": 15_700, "0860": 13_800, "0861": 13_500, "0862": 9_300,
}
#: Mean municipal population in Sweden (10.5 M inhabitants over 290 municipalities).
MEAN_POPULATION = 36_000
#: 'demo' keeps a Kalmar-sized municipality at a few thousand brukare down to a few hundred (fast to build).
DEMO_FACTOR = 0.25


@dataclass(frozen=True)
class Kod:
    """One local insats code and how its volumes and costs are generated.

    kind: 'timmar' (hours per month, lognormal level), 'dygn' (days in residence), 'dagar' (attendance days),
    'manad' (1 per month), 'portioner' (meals), 'arende' (one case in one month).
    level: mean monthly volume for 'timmar'/'portioner'/'dagar', mean stay for 'dygn' codes with stays.
    unit_cost: target total cost per unit of the seed's volymtyp (kr, 2023 prices).
    utford_share: (low, high) performed/granted ratio when the code is registered as both.
    extern_share: share of brukare in extern regi (only insatser with a 46xx extern rule in kpb_oversattning).
    month_share: probability the person uses the code in a given month of their period (intermittent use).
    """

    kod: str
    insats: str
    verksamhet: str
    volymtyp: str
    kind: str
    level: float
    unit_cost: float
    utford_share: tuple[float, float] | None = None
    extern_share: float = 0.0
    month_share: float = 1.0


#: The catalogue as a table: code, insats, verksamhet (ledger), volymtyp, kind, level, unit cost, performed share
#: (low-high, when also registered as performed), extern share, monthly use probability.
_KATALOG = """
HTJ-OMV    HT        51010 beviljad timmar    24    540    0.80-0.90 0.25 1
HTJ-SERV   HT        51010 beviljad timmar    5     540    0.80-0.90 0.25 1
KTB        KORT      51020 utford   dygn      9     3400   -         0    0.35
DAGV       DAGV      51030 utford   dagar     8     1300   -         0    1
BAB        BOSTANP   51070 utford   arende    1     38000  -         0    1
KP-SOL     KONTSOL   53030 beviljad manad     1     2500   -         0    1
BOSTÖD     BOSTOD    53020 utford   timmar    12    620    -         0    1
UKL        UTSKRK    51060 utford   dygn      3     3000   -         0    0.15
LARM       LARM      51040 utford   manad     1     420    -         0    1
MATD       MAT       51050 utford   portioner 24    78     -         0    1
SÄBO-PERM  SABO      51100 utford   dygn      0     2350   -         0.15 1
SÄBO-DEM   SABO      51100 utford   dygn      0     2350   -         0.15 1
SÄBO-HSL   SABOHSL   51110 utford   dygn      0     290    -         0    1
BOPSYK     BOPSYK    53010 utford   dygn      0     3000   -         0    1
HTJ-SH     HTSERV    51120 utford   timmar    28    560    -         0    1
LSS1       LSSRAD    52300 utford   arende    1     15000  -         0    1
LSS2       PALSS     52010 utford   timmar    380   385    -         0.25 1
SFB-PA     PASFB     52020 utford   timmar    480   380    -         0    1
LSS3       LEDS      52030 beviljad timmar    10    400    0.60-0.90 0    1
LSS4       KONTLSS   52040 beviljad manad     1     2200   -         0    1
LSS5       AVLOS     52050 beviljad timmar    15    420    0.60-0.90 0    1
LSS6       KORTLSS   52060 utford   dygn      6     6200   -         0    0.8
LSS7       KORTTILLS 52070 utford   dagar     12    1000   -         0    1
LSS8       BOBARN    52080 utford   dygn      0     8000   -         0    1
LSS9-GB    GRUPP     52100 utford   dygn      0     4100   -         0.12 1
LSS9-SB    SERVBO    52110 utford   dygn      0     2500   -         0    1
LSS10      DAGLIG    52200 utford   dagar     17    1050   -         0.10 1
HSV        HSJV      51200 utford   timmar    5     750    -         0    1
"""


def _parse_katalog(text: str) -> tuple[Kod, ...]:
    koder = []
    for line in text.strip().splitlines():
        kod, insats, verksamhet, volymtyp, kind, level, cost, utford, extern, month = line.split()
        share = tuple(float(x) for x in utford.split("-")) if utford != "-" else None
        koder.append(Kod(kod, insats, verksamhet, volymtyp, kind, float(level), float(cost), share, float(extern),
                         float(month)))
    return tuple(koder)


KODER = _parse_katalog(_KATALOG)
KOD_INDEX = {k.kod: i for i, k in enumerate(KODER)}

#: Insatser that have no volume and no brukare: only ledger cost (öppen verksamhet, personligt ombud), kr per
#: inhabitant and year (OPPEN per inhabitant 65+).
ICKE_BRUKARRELATERADE = {"OPPEN": ("51300", 160.0), "PERSOMB": ("53040", 14.0)}

#: Omrade of each insats, to size the shared pools of administration (kpb_poolmottagare).
LSS_INSATSER = {"LSSRAD", "PALSS", "PASFB", "LEDS", "KONTLSS", "AVLOS", "KORTLSS", "KORTTILLS", "BOBARN", "GRUPP",
                "SERVBO", "DAGLIG", "PERSOMB"}


@dataclass(frozen=True)
class Scale:
    """How large the municipalities are: a factor on realistic (national) populations."""

    factor: float

    @classmethod
    def parse(cls, scale: str) -> "Scale":
        """'demo' (a quarter of real sizes, a minimum of 1 500 inhabitants), 'national' (real sizes) or a factor
        given as text, e.g. '0.1' for a tenth of the national volumes."""
        if scale == "demo":
            return cls(DEMO_FACTOR)
        if scale == "national":
            return cls(1.0)
        try:
            factor = float(scale)
        except ValueError as exc:
            raise ValueError(f"scale must be 'demo', 'national' or a number, not {scale!r}") from exc
        if not 0 < factor <= 10:
            raise ValueError(f"scale factor must be in (0, 10], not {factor}")
        return cls(factor)


def kommun_codes(n: int) -> list[str]:
    """The first n codes of seeds/gemensam/kommuner.csv, then synthetic four-digit codes in county order.

    Synthetic codes are `LLNN` with county LL 01–25 and NN 10–99 (skipping real codes of the seed), so they look
    like municipality codes and keep their leading zero.
    """
    with open(SEEDS / "gemensam" / "kommuner.csv", encoding="utf-8") as f:
        codes = [row["kommun_kod"] for row in csv.DictReader(f)]
    if n <= len(codes):
        return codes[:n]
    taken = set(codes)
    extra = (f"{lan:02d}{nr:02d}" for nr in range(10, 100) for lan in range(1, 26))
    codes += [c for c in extra if c not in taken][: n - len(codes)]
    if len(codes) < n:
        raise ValueError(f"at most {len(codes)} municipalities can be generated")
    return codes


def populations(codes: list[str], scale: Scale, rng: np.random.Generator) -> np.ndarray:
    """Total population per municipality: known sizes for the seed's municipalities, else lognormal.

    Synthetic sizes follow Sweden's skewed distribution (median about half the mean), rescaled so the mean is the
    national one; the scale factor then shrinks or grows every municipality.
    """
    draws = rng.lognormal(0.0, 0.95, len(codes))
    draws = draws / draws.mean() * MEAN_POPULATION if len(codes) > 1 else np.full(1, MEAN_POPULATION)
    pop = np.array([KNOWN_POPULATION.get(c, d) for c, d in zip(codes, np.clip(draws, 2_500, 980_000))])
    return np.maximum(np.round(pop * scale.factor), 1_500).astype(np.int64)


def seed_lokala_koder() -> set[str]:
    """The local codes configured in the seed (the catalogue must stay in step with it)."""
    with open(SEEDS / "kpb" / "kpb_lokala_insatskoder.csv", encoding="utf-8") as f:
        return {row["lokal_insats_kod"] for row in csv.DictReader(f)}


def seed_volymtyp() -> dict[str, str]:
    """insats_kod → volymtyp of seeds/kpb/kpb_standardinsatser.csv."""
    with open(SEEDS / "kpb" / "kpb_standardinsatser.csv", encoding="utf-8") as f:
        return {row["insats_kod"]: row["volymtyp"] for row in csv.DictReader(f)}


@dataclass(frozen=True)
class Span:
    """The generated period: whole calendar years from the first to the last requested year.

    Everything (brukare periods, episodes, SIPs) is simulated over the whole span so that years are continuous;
    only the requested years are written.
    """

    first_year: int
    last_year: int

    @property
    def start(self) -> np.datetime64:
        return np.datetime64(f"{self.first_year}-01-01")

    @property
    def end(self) -> np.datetime64:
        """The first day after the span."""
        return np.datetime64(f"{self.last_year + 1}-01-01")

    @property
    def days(self) -> int:
        return int((self.end - self.start).astype(int))

    @property
    def n_months(self) -> int:
        return 12 * (self.last_year - self.first_year + 1)

    @property
    def month_starts(self) -> np.ndarray:
        """Day offset (from the span start) of the first day of each month, plus the end of the span."""
        months = np.arange(f"{self.first_year}-01", f"{self.last_year + 1}-02", dtype="datetime64[M]")
        return (months.astype("datetime64[D]") - self.start).astype(np.int64)

    def periods(self) -> list[str]:
        """'YYYYMM' of each month."""
        return [f"{self.first_year + m // 12}{m % 12 + 1:02d}" for m in range(self.n_months)]
