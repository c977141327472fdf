"""A small reader of SIE files (Standard Import och Export, types 3 and 4E/4I) for the ledger delivery.

No maintained Python SIE parser exists on the package index, so this reads exactly what the project needs, as the
SIE group's format description (4B of 2008-09-30; 4C) defines it — see docs/domain.md, "SIE", for what was checked
and what is an assumption:

- **Characters.** ``#FORMAT PC8`` (the only value the format knows; also the default when the label is missing)
  means IBM PC code page 437. Swedish letters are bytes 0x80-0xAF there (å = 0x86, ä = 0x84, ö = 0x94, Å = 0x8F,
  Ä = 0x8E, Ö = 0x99, é = 0x82); a byte from 0xB0 up is a box-drawing, Greek or mathematical sign in CP437 but a
  letter in Windows-1252 (å = 0xE5) and a lead byte in UTF-8 (å = 0xC3 0xA5): such a file is in another encoding than
  it declares and is refused naming the first such line.
- **Lines.** Every non-blank line is a label line (``#LABEL field field …``) or one of the braces ``{`` / ``}`` that
  open and close the lines of a voucher. Fields are separated by spaces or tabs; a field with spaces is quoted with
  ``"``; a quote inside a quoted field is written ``\\"``; an object list is ``{dimnr "objnr" dimnr "objnr" …}``
  (``{}`` = none). A line that is none of these (not SIE, an unterminated quote or brace) is an error naming the
  line. Labels the reader does not need are skipped, as the format requires of a reader.
- **Vouchers (4E/4I).** ``#VER serie vernr verdatum vertext …`` then ``{``, its ``#TRANS kontonr {objektlista}
  belopp transdat transtext kvantitet sign`` lines, ``}``. ``transdat`` may be empty: the voucher's date applies.
  ``#RTRANS`` (a line added afterwards) is always followed by the identical ``#TRANS`` for readers that do not know
  it, so only that ``#TRANS`` is counted; ``#BTRANS`` (a line removed afterwards) is not part of the voucher's
  balance and is not counted.
- **Balances (3).** ``#PSALDO årsnr period konto {objekt} saldo kvantitet``: the change of the account in the month
  (period ``YYYYMM``) for the object list given; ``årsnr`` 0 is the current year of ``#RAR 0``, -1 the previous.
  Files repeat the same money on several lines (the full object list, one line per single dimension, ``{}``).
- **Totals.** ``#RES årsnr konto saldo``: the year's total of a result account.

:func:`kontoutfall` turns a read file into the ledger's rows (the columns of ``ekonomi/huvudbok*.csv``) with the
SIE line each row comes from (``leverans_rad``); the pre-read check (leverans.py) writes them as that CSV, and the
staging reads the line as the row's ``kalla_rad``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

KOLUMNER = ("ansvar", "verksamhet", "aktivitet", "projekt", "motpart")
HUVUDBOK = ("kommun_kod", "period", "konto") + KOLUMNER + ("belopp", "leverans_rad")
# bytes that are no text in a CP437 SIE file: control characters other than tab, CR, LF; 0xB0-0xFF (box drawing,
# Greek, mathematical signs in CP437 — but letters in Windows-1252 and UTF-8 lead bytes)
FEL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\xb0-\xff]")
TOKEN = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|(\{[^{}]*\})|([^\s"{}]+))')


class SieFel(ValueError):
    """A SIE file that cannot be read; the message names the file and the line, never the line's content."""


@dataclass
class Trans:
    rad: int
    konto: str
    objekt: dict[str, str]
    belopp: Decimal
    datum: str  # YYYYMMDD (the voucher's when the line has none)


@dataclass
class Saldo:
    rad: int
    arsnr: int
    period: str  # YYYYMM; '' for #RES
    konto: str
    objekt: dict[str, str]
    saldo: Decimal


@dataclass
class Sie:
    fil: str
    sietyp: str = ""
    orgnr: str = ""
    orgnr_rad: int = 0
    trans: list[Trans] = field(default_factory=list)
    psaldo: list[Saldo] = field(default_factory=list)
    res: list[Saldo] = field(default_factory=list)


def _fel(fil: str, rad: int, text: str) -> SieFel:
    return SieFel(f"{fil}: rad {rad}: {text}")


def falt(text: str, fil: str = "", rad: int = 0) -> list:
    """The fields of a label line after the label: strings, and object lists as lists [dimnr, objnr, ...]."""
    ut, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            rest = text[pos:].lstrip()
            fel = "citattecken som aldrig stängs" if rest.startswith('"') else "objektlista ({…}) som aldrig stängs" \
                if rest.startswith("{") else "felaktigt fält"
            raise _fel(fil, rad, fel)
        if m.group(1) is not None:
            ut.append(re.sub(r'\\(.)', r'\1', m.group(1)))
        elif m.group(2) is not None:
            ut.append(falt(m.group(2)[1:-1], fil, rad))
        else:
            ut.append(m.group(3))
        pos = m.end()
    return ut


def _objekt(lista, fil: str, rad: int) -> dict[str, str]:
    if not isinstance(lista, list) or len(lista) % 2:
        raise _fel(fil, rad, "objektlistan ska vara {dimensionsnr objektnr …}")
    return {str(lista[i]): str(lista[i + 1]) for i in range(0, len(lista), 2)}


def _belopp(text, fil: str, rad: int) -> Decimal:
    try:
        if not isinstance(text, str) or not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise InvalidOperation
        return Decimal(text)
    except InvalidOperation:
        raise _fel(fil, rad, "beloppet är inte ett tal (decimalpunkt, minustecken)") from None


def _datum(text: str, fil: str, rad: int) -> str:
    if not re.fullmatch(r"\d{8}", text or "") or not (1 <= int(text[4:6]) <= 12) or not (1 <= int(text[6:]) <= 31):
        raise _fel(fil, rad, "datumet är inte ÅÅÅÅMMDD")
    return text


def _text(data: bytes, fil: str) -> list[str]:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _fel(fil, 1, "filen börjar med en UTF-8-BOM men SIE är CP437 (#FORMAT PC8)")
    data = data.rstrip(b"\x1a")  # a DOS end-of-file mark after the last line
    m = FEL_BYTE.search(data)
    if m:
        b, nr = data[m.start()], data.count(b"\n", 0, m.start()) + 1
        if b >= 0xB0:
            raise _fel(fil, nr, f"byte 0x{b:02X} är inget bokstavstecken i CP437 (#FORMAT PC8): filen har en "
                                "annan kodning än den anger (Windows-1252 eller UTF-8?)")
        raise _fel(fil, nr, f"styrtecken 0x{b:02X}: inte en SIE-textfil")
    return [r.decode("cp437").rstrip("\r") for r in data.split(b"\n")]


def las(path: Path, fil: str) -> Sie:
    """Reads a SIE file. Raises SieFel naming file and line."""
    rader = _text(path.read_bytes(), fil)
    sie = Sie(fil)
    ver_datum, i_ver, ver_rad, sag_etikett = None, False, 0, False
    for nr, rad in enumerate(rader, start=1):
        text = rad.strip()
        if not text:
            continue
        if text == "{":
            if ver_datum is None or i_ver:
                raise _fel(fil, nr, "'{' utan en #VER före")
            i_ver = True
            continue
        if text == "}":
            if not i_ver:
                raise _fel(fil, nr, "'}' utan '{'")
            i_ver, ver_datum = False, None
            continue
        if not text.startswith("#"):
            raise _fel(fil, nr, "raden är ingen SIE-post (ska börja med #)" if sag_etikett else
                       "inte en SIE-fil (första raden ska börja med #, t.ex. #FLAGGA)")
        sag_etikett = True
        etikett, _, rest = text.partition(" ")
        etikett = etikett.upper()
        if etikett not in ("#FORMAT", "#SIETYP", "#ORGNR", "#VER", "#TRANS", "#PSALDO", "#RES"):
            continue  # #FLAGGA, #PROGRAM, #GEN, #KONTO, #DIM, #OBJEKT, #RAR, #RTRANS, #BTRANS, ...: not needed
        f = falt(rest, fil, nr)
        if etikett == "#FORMAT":
            if not f or f[0].upper() != "PC8":
                raise _fel(fil, nr, "#FORMAT ska vara PC8 (CP437), det enda formatet SIE känner")
        elif etikett == "#SIETYP":
            sie.sietyp = str(f[0]) if f else ""
        elif etikett == "#ORGNR":
            sie.orgnr, sie.orgnr_rad = (str(f[0]) if f else ""), nr
        elif etikett == "#VER":
            if i_ver:
                raise _fel(fil, nr, "#VER inuti en annan verifikations '{ }'")
            if len(f) < 3:
                raise _fel(fil, nr, "#VER ska ha serie, verifikationsnummer och datum")
            ver_datum, ver_rad = _datum(str(f[2]), fil, nr), nr
        elif etikett == "#TRANS":
            if not i_ver:
                raise _fel(fil, nr, "#TRANS utanför en verifikations '{ }'")
            if len(f) < 3:
                raise _fel(fil, nr, "#TRANS ska ha konto, objektlista och belopp")
            datum = str(f[3]) if len(f) > 3 and f[3] != "" else ver_datum
            sie.trans.append(Trans(nr, str(f[0]), _objekt(f[1], fil, nr), _belopp(f[2], fil, nr),
                                   _datum(datum, fil, nr)))
        elif etikett == "#PSALDO":
            if len(f) < 5:
                raise _fel(fil, nr, "#PSALDO ska ha årsnr, period, konto, objektlista och saldo")
            if not re.fullmatch(r"\d{6}", str(f[1])):
                raise _fel(fil, nr, "perioden är inte ÅÅÅÅMM")
            sie.psaldo.append(Saldo(nr, int(f[0]), str(f[1]), str(f[2]), _objekt(f[3], fil, nr),
                                    _belopp(f[4], fil, nr)))
        elif etikett == "#RES":
            if len(f) < 3:
                raise _fel(fil, nr, "#RES ska ha årsnr, konto och saldo")
            sie.res.append(Saldo(nr, int(f[0]), "", str(f[1]), {}, _belopp(f[2], fil, nr)))
    if i_ver:
        raise _fel(fil, ver_rad, "verifikationen stängs aldrig ('}' saknas)")
    if not sag_etikett:
        raise _fel(fil, 1, "inte en SIE-fil (tom)")
    return sie


def _resultatkonto(konto: str) -> bool:
    """Class 1-2 (assets, liabilities, equity) are balance accounts, never kontoutfall."""
    return not konto.startswith(("1", "2"))


def dimensioner(kommun_kod: str, mappning: list[dict]) -> dict[str, str]:
    """dim_nr -> code-string column for a municipality: the rows for '*' with the municipality's own rows over them."""
    ut = {}
    for rad in sorted(mappning, key=lambda r: r["kommun_kod"] != "*"):
        if rad["kommun_kod"] in ("*", kommun_kod):
            ut[str(rad["dim_nr"])] = rad["kolumn"]
    return ut


def _kontrollera(fil: str, lasta: dict, totaler: dict, vad: str) -> None:
    """lasta, totaler: {(key...): (sum, line)}; a difference names the account (and period) and the amounts."""
    for nyckel in sorted(set(lasta) | set(totaler)):
        last = lasta.get(nyckel, (Decimal(0), 0))[0]
        total, rad = totaler.get(nyckel, (Decimal(0), 0))
        if last != total:
            plats = f"rad {rad}: " if rad else ""
            konto = nyckel[-1]
            period = f" period {nyckel[0]}" if len(nyckel) > 1 else ""
            raise SieFel(f"{fil}: {plats}filens summa för konto {konto}{period} är {total} men {vad} summerar till "
                         f"{last} (skillnad {total - last})")


def _summera(poster, nyckel) -> dict:
    ut: dict = {}
    for p in poster:
        k = nyckel(p)
        summa, rad = ut.get(k, (Decimal(0), p.rad))
        ut[k] = (summa + (p.belopp if isinstance(p, Trans) else p.saldo), min(rad, p.rad))
    return ut


def kontoutfall(sie: Sie, orgnr: dict[str, str], mappning: list[dict]) -> list[dict]:
    """The ledger rows of a read file: per month and code string (the mapped dimensions) the sum of the result
    accounts, with the first SIE line it comes from. Reconciled with the file's own totals. Raises SieFel."""
    fil = sie.fil
    if not sie.orgnr:
        raise _fel(fil, 1, "#ORGNR saknas: filens organisationsnummer anger kommunen")
    kommun = orgnr.get(sie.orgnr.strip())
    if kommun is None:
        raise _fel(fil, sie.orgnr_rad, f"organisationsnumret {sie.orgnr} finns inte i kolumnen orgnr i "
                                       "seeds/gemensam/kommuner.csv")
    dims = dimensioner(kommun, mappning)
    if sie.sietyp.upper().startswith("4"):
        poster = [t for t in sie.trans if _resultatkonto(t.konto)]
        period = lambda p: p.datum[:6]  # noqa: E731
        lasta = _summera(poster, lambda p: (p.konto,))
        vad = "verifikationerna (#TRANS)"
    elif sie.sietyp == "3":
        poster = [s for s in sie.psaldo if s.arsnr == 0 and _resultatkonto(s.konto) and set(s.objekt) == set(dims)]
        period = lambda p: p.period  # noqa: E731
        lasta = _summera(poster, lambda p: (p.period, p.konto))
        vad = "objektsaldona (#PSALDO) med dimensionerna " + " ".join(sorted(dims))
    else:
        raise _fel(fil, 1, f"SIE typ {sie.sietyp or 'okänd (#SIETYP saknas)'}: bara typ 3 (objektsaldon) och 4 "
                           "(verifikationer) har kontoutfall per kodsträng")
    # the file's own totals: #RES (per account and year) or, without it, #PSALDO {} per month
    res = [r for r in sie.res if r.arsnr == 0 and _resultatkonto(r.konto)]
    tomma = [s for s in sie.psaldo if s.arsnr == 0 and _resultatkonto(s.konto) and not s.objekt]
    if res:
        per_konto: dict = {}
        for (*_, konto), (summa, rad) in lasta.items():
            tidigare = per_konto.get((konto,), (Decimal(0), rad))
            per_konto[(konto,)] = (tidigare[0] + summa, min(tidigare[1], rad))
        _kontrollera(fil, per_konto, _summera(res, lambda p: (p.konto,)), vad)
    elif tomma:
        per_manad = _summera(poster, lambda p: (period(p), p.konto))
        _kontrollera(fil, per_manad, _summera(tomma, lambda p: (p.period, p.konto)), vad)
    rader: dict = {}
    for p in poster:
        koder = {k: "" for k in KOLUMNER}
        for dim, obj in p.objekt.items():
            if dim in dims:
                koder[dims[dim]] = obj
        nyckel = (period(p), p.konto) + tuple(koder[k] for k in KOLUMNER)
        belopp = p.belopp if isinstance(p, Trans) else p.saldo
        summa, rad = rader.get(nyckel, (Decimal(0), p.rad))
        rader[nyckel] = (summa + belopp, min(rad, p.rad))
    ut = []
    for nyckel, (summa, rad) in sorted(rader.items(), key=lambda x: x[1][1]):
        ut.append(dict(zip(("period", "konto") + KOLUMNER, nyckel), kommun_kod=kommun, belopp=str(summa), leverans_rad=rad))
    return ut
