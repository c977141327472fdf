"""Tables as dataclasses of equally long numpy arrays (one field per column), with row selection and
concatenation, so every simulation step keeps its rows vectorised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Self

import numpy as np


class Columns:
    """Mixin for a dataclass whose fields are numpy arrays of the same length."""

    def select(self, rows: np.ndarray) -> Self:
        """The table restricted to (and ordered by) the given row indexes or boolean mask."""
        return type(self)(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})

    @classmethod
    def concat(cls, parts: Sequence[Self]) -> Self:
        """The rows of several tables of this type, one after the other."""
        return cls(**{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)})
