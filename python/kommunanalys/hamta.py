"""Fetching the external sources the project reads, from the agencies' APIs, into the raw folder as delivered.

- **Kolada API v3** (``fetch-kolada``): ``/v3/data/kpi/{kpi,…}/municipality/{kommun,…}/year/{år,…}`` for the KPIs the
  seeds use (``kpb_standardinsatser.kolada_kpi``), the municipalities (and the country, ``0000``) and years asked
  for; at most 25 ids per list and request; every page followed through ``next_url``; each page written to
  ``extern/kolada/`` exactly as the API returned it (the staging's pre-read check, kolada.py, then requires every
  page whose ``next_url`` is set to have its next page beside it).
- **SCB PxWebApi 2** (``fetch-scb``): ``/tables/TAB638/data`` in json-stat2 for the municipalities and years; a call
  asks for at most 150 000 cells (regions are split over calls) and at most 30 calls are made per 10 seconds; each
  answer written to ``scb/befolkning_<first year>-<last year>_<n>.json`` as returned.

Both retry a 429 (rate limit; its ``Retry-After`` is honoured) and a 5xx or network error with exponential
back-off, and stop with a clear error (status, URL) on any other answer. The base URLs are options, so the tests
point them at a local server with recorded answers. Only urllib (standard library): no extra dependency.
"""

from __future__ import annotations

import csv
import json
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from .paths import PROJECT_ROOT

KOLADA_BAS = "https://api.kolada.se/v3"
SCB_BAS = "https://statistikdatabasen.scb.se/api/v2"
KOLADA_MAX_ID = 25
SCB_MAX_CELLER = 150_000
SCB_ANROP, SCB_FONSTER = 30, 10.0
SCB_ALDRAR = 102  # 0..99, 100+, tot
SCB_INNEHALL = "000003O5"  # folkmängd in TAB638 (docs/domain.md §6.3: [U])
USER_AGENT = "kommunanalys (https://github.com/; öppen analys för kommuner)"


class HamtaFel(RuntimeError):
    """A fetch that failed: the message names the URL and the answer."""


@dataclass
class Klient:
    """GET with retries: 429 (Retry-After) and 5xx / network errors back off exponentially (bas * 2**n s)."""

    forsok: int = 5
    bas_vanta: float = 1.0
    timeout: float = 60.0
    sov: Callable[[float], None] = time.sleep
    hamtade: list[str] = field(default_factory=list)

    def get(self, url: str) -> bytes:
        for n in range(self.forsok + 1):
            try:
                req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
                with urllib.request.urlopen(req, timeout=self.timeout) as svar:
                    data = svar.read()
                self.hamtade.append(url)
                return data
            except urllib.error.HTTPError as err:
                text = err.read()[:300].decode("utf-8", errors="replace")
                if err.code != 429 and err.code < 500:
                    raise HamtaFel(f"{url}: HTTP {err.code} {err.reason}: {text}") from None
                if n == self.forsok:
                    raise HamtaFel(f"{url}: HTTP {err.code} efter {n + 1} försök: {text}") from None
                vanta = self.bas_vanta * 2 ** n
                retry_after = err.headers.get("Retry-After") if err.headers else None
                if err.code == 429 and retry_after and retry_after.strip().isdigit():
                    vanta = max(vanta, float(retry_after))
                self.sov(vanta)
            except urllib.error.URLError as err:
                if n == self.forsok:
                    raise HamtaFel(f"{url}: {err.reason} efter {n + 1} försök") from None
                self.sov(self.bas_vanta * 2 ** n)
        raise AssertionError("unreachable")


def _delar(lista: list[str], n: int) -> list[list[str]]:
    return [lista[i:i + n] for i in range(0, len(lista), n)]


def kolada_kpier(seeds: Path = PROJECT_ROOT / "seeds") -> list[str]:
    """The Kolada KPIs the project uses: kpb_standardinsatser.kolada_kpi."""
    with open(seeds / "kpb" / "kpb_standardinsatser.csv", encoding="utf-8") as handle:
        return sorted({r["kolada_kpi"] for r in csv.DictReader(handle) if r.get("kolada_kpi")})


def hamta_kolada(mapp: Path, kpier: list[str], kommuner: list[str], ar: list[int], bas: str = KOLADA_BAS,
                 klient: Klient | None = None, framsteg: Callable[[str], None] = lambda s: None) -> list[Path]:
    """Every page of every request (ids in lists of at most 25), written as returned; returns the files."""
    klient = klient or Klient()
    mapp.mkdir(parents=True, exist_ok=True)
    skrivna = []
    for i, kpi in enumerate(_delar(sorted(kpier), KOLADA_MAX_ID), start=1):
        for j, kommun in enumerate(_delar(sorted(kommuner), KOLADA_MAX_ID), start=1):
            for k, year in enumerate(_delar([str(a) for a in sorted(ar)], KOLADA_MAX_ID), start=1):
                url = (f"{bas.rstrip('/')}/data/kpi/{quote(','.join(kpi), safe=',')}/municipality/"
                       f"{quote(','.join(kommun), safe=',')}/year/{quote(','.join(year), safe=',')}")
                sida = 1
                while url:
                    data = klient.get(url)
                    try:
                        doc = json.loads(data)
                    except json.JSONDecodeError:
                        raise HamtaFel(f"{url}: svaret är inte JSON") from None
                    fil = mapp / f"kolada_{i:02d}_{j:02d}_{k:02d}_sida{sida:03d}.json"
                    fil.write_bytes(data)
                    skrivna.append(fil)
                    framsteg(f"{fil.name}: {doc.get('count', len(doc.get('values', [])))} värden")
                    url, sida = doc.get("next_url"), sida + 1
    return skrivna


@dataclass
class Takt:
    """At most `anrop` calls in any `fonster` seconds (sliding window)."""

    anrop: int = SCB_ANROP
    fonster: float = SCB_FONSTER
    klocka: Callable[[], float] = time.monotonic
    sov: Callable[[float], None] = time.sleep
    tider: deque = field(default_factory=deque)

    def vanta(self) -> None:
        nu = self.klocka()
        while self.tider and nu - self.tider[0] >= self.fonster:
            self.tider.popleft()
        if len(self.tider) >= self.anrop:
            self.sov(self.fonster - (nu - self.tider[0]))
            self.tider.popleft()
        self.tider.append(self.klocka())


def scb_regioner_per_anrop(antal_ar: int) -> int:
    """How many regions one call may ask for: regions x 102 ages x 2 sexes x years <= 150 000 cells."""
    return max(1, SCB_MAX_CELLER // (SCB_ALDRAR * 2 * antal_ar))


def hamta_scb(mapp: Path, kommuner: list[str], ar: list[int], bas: str = SCB_BAS, tabell: str = "TAB638",
              innehall: str = SCB_INNEHALL, klient: Klient | None = None, takt: Takt | None = None,
              framsteg: Callable[[str], None] = lambda s: None) -> list[Path]:
    """TAB638 in json-stat2, regions split so that no call exceeds 150 000 cells; returns the files."""
    klient, takt = klient or Klient(), takt or Takt()
    mapp.mkdir(parents=True, exist_ok=True)
    ar = sorted(ar)
    skrivna = []
    for n, regioner in enumerate(_delar(sorted(kommuner), scb_regioner_per_anrop(len(ar))), start=1):
        url = (f"{bas.rstrip('/')}/tables/{tabell}/data?lang=sv&outputFormat=json-stat2"
               f"&valueCodes[Region]={','.join(regioner)}&valueCodes[Alder]=*&valueCodes[Kon]=1,2"
               f"&valueCodes[ContentsCode]={innehall}&valueCodes[Tid]={','.join(str(a) for a in ar)}")
        takt.vanta()
        data = klient.get(url)
        try:
            celler = len(json.loads(data).get("value", []))
        except (json.JSONDecodeError, AttributeError):
            raise HamtaFel(f"{url}: svaret är inte json-stat2") from None
        fil = mapp / f"befolkning_{ar[0]}-{ar[-1]}_{n:03d}.json"
        fil.write_bytes(data)
        skrivna.append(fil)
        framsteg(f"{fil.name}: {len(regioner)} regioner, {celler} celler")
    return skrivna
