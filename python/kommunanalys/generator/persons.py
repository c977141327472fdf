"""Inhabitants: the population pyramid (SCB file) and the persons behind every personnummer.

All files share one person register, so a brukare of the operational system is the same personnummer as a
patient in the region's files and a person with a SIP in SAMSA; the project links them after pseudonymisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from . import textcols

MAX_AGE = 100


def age_pyramid(rng: np.random.Generator, n_kommuner: int) -> np.ndarray:
    """Share of the population per municipality, single year of age 0–100 (100 = 100+) and sex (men, women).

    Cohort sizes vary around a Swedish-like birth curve and survive by a Gompertz law (women live longer). Small
    municipalities are older than large ones: each gets its own tilt, so 65+ ranges from about 17 to 30 %.
    """
    age = np.arange(MAX_AGE + 1)
    cohort = 1.0 + 0.12 * np.sin((age - 5) / 9.0) + 0.10 * np.exp(-(((age - 58) / 8.0) ** 2))
    survival = np.stack([np.exp(-(4.0e-5 / 0.095) * (np.exp(0.095 * age) - 1)),
                         np.exp(-(2.2e-5 / 0.098) * (np.exp(0.098 * age) - 1))], axis=1)
    base = cohort[:, None] * survival
    base[MAX_AGE] = base[MAX_AGE:].sum(axis=0) + base[MAX_AGE] * 0.5
    tilt = rng.normal(0.0, 0.004, n_kommuner)[:, None, None] * (age[None, :, None] - 45)
    shares = base[None, :, :] * np.exp(np.clip(tilt, -0.5, 0.5))
    return shares / shares.sum(axis=(1, 2), keepdims=True)


def population(total: np.ndarray, shares: np.ndarray, year_offset: int, rng: np.random.Generator) -> np.ndarray:
    """Inhabitants per municipality × age × sex on 31 December; a slow growth with noise per cell."""
    growth = (1.0 + rng.normal(0.004, 0.004, len(total))) ** year_offset
    expected = total[:, None, None] * shares * growth[:, None, None]
    return rng.poisson(expected).astype(np.int64)


@dataclass
class PersonRegister:
    """Everyone who appears in any file: municipality, birth date, sex; personnummer assigned once at the end."""

    kommun: list[np.ndarray] = field(default_factory=list)
    birth: list[np.ndarray] = field(default_factory=list)
    male: list[np.ndarray] = field(default_factory=list)
    size: int = 0

    def add(self, kommun: np.ndarray, birth: np.ndarray, male: np.ndarray) -> np.ndarray:
        """Register persons; returns their ids (row numbers in the register)."""
        self.kommun.append(kommun.astype(np.int32))
        self.birth.append(birth.astype("datetime64[D]"))
        self.male.append(male.astype(bool))
        ids = np.arange(self.size, self.size + len(kommun))
        self.size += len(kommun)
        return ids

    def column(self, name: str) -> np.ndarray:
        return np.concatenate(getattr(self, name)) if self.size else np.empty(0)


def births_for_ages(age: np.ndarray, reference_year: int, rng: np.random.Generator) -> np.ndarray:
    """Birth dates of persons who are `age` on 31 December of `reference_year`."""
    year = (reference_year - age - 1970).astype("datetime64[Y]")
    return year.astype("datetime64[D]") + rng.integers(0, 365, len(age))


def luhn_check_digit(digits: np.ndarray) -> np.ndarray:
    """Luhn check digit over rows of nine digits YYMMDDNNN (weights 2,1,2,…; products over 9 minus 9)."""
    weights = np.array([2, 1, 2, 1, 2, 1, 2, 1, 2])
    products = digits * weights
    products = np.where(products > 9, products - 9, products)
    return (10 - products.sum(axis=1) % 10) % 10


def personnummer(register: PersonRegister, rng: np.random.Generator) -> pa.Array:
    """Unique, Luhn-valid personnummer for everyone in the register.

    Serial numbers are unique per birth date and sex (rank within the group, from a random offset), the sex digit
    is odd for men, 0.3 % are samordningsnummer (day + 60), and 8 % are written without the hyphen, as some
    systems export them. Row i of the returned text column is person i of the register.
    """
    birth = register.column("birth")
    male = register.column("male")
    n = len(birth)
    key = birth.astype(np.int64) * 2 + male
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    first = np.r_[True, sorted_key[1:] != sorted_key[:-1]]
    group_start = np.maximum.accumulate(np.where(first, np.arange(n), 0))
    offset = rng.integers(0, 500, n)[group_start]  # a random first serial per birth date and sex
    serial = np.empty(n, dtype=np.int64)
    serial[order] = (offset + np.arange(n) - group_start) % 500  # 500 serials per date and sex
    nnn = (serial // 5) * 10 + 2 * (serial % 5) + male  # third digit: odd for men
    samordning = rng.random(n) < 0.003
    y, m, d = textcols.calendar(birth)
    d = d + 60 * samordning
    digits = np.empty((n, 9), dtype=np.int16)
    col = 0
    for value, width in [(y % 100, 2), (m, 2), (d, 2), (nnn, 3)]:
        for k in range(width):
            digits[:, col + k] = value // 10 ** (width - 1 - k) % 10
        col += width
    check = luhn_check_digit(digits)
    chars = np.empty((n, 13), dtype=np.uint8)
    textcols.put_digits(chars, y, 0, 4)
    textcols.put_digits(chars, m, 4, 2)
    textcols.put_digits(chars, d, 6, 2)
    chars[:, 8] = ord("-")
    textcols.put_digits(chars, nnn, 9, 3)
    chars[:, 12] = ord("0") + check
    plain = rng.random(n) < 0.08
    chars[plain, 8:12] = chars[plain, 9:13]
    text = textcols.from_chars(chars, np.where(plain, 12, 13))
    return text


def luhn_valid(pnr: str) -> bool:
    """True when a personnummer text has a correct check digit (for tests and planting)."""
    digits = [int(c) for c in pnr.replace("-", "")[2:]]
    return len(digits) == 10 and int(luhn_check_digit(np.array([digits[:9]]))[0]) == digits[9]
