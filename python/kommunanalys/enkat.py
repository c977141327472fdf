"""Validating and scoring the SIP participation survey (`enkat/sip_delaktighet*.csv`).

The runner's only piece of survey logic: it checks every answer sheet, applies the question seed
(`seeds/indikatorer/sip_enkat_fragor.csv`: reverse coding, dimension) and writes two files that staging reads
(`stg_enkat__sip_delaktighet`, `stg_enkat__sip_delaktighet_svar`). The indicators themselves (top-2 shares,
means, shares with index >= 4) are computed in SQL.

Rules (shared/domain.md §3; contract shared/contract/raw-extracts.md, "SIP quality and cost"):
- the file is first checked like every delivery (encoding, header, field count per line, quotes:
  kommunanalys.leverans); a file that fails is an error naming the file and the line (never its content);
- an item is answered with 1-5; '0', an empty cell and 'vet ej' (any case) are "no answer";
  any other value makes the sheet unusable: it is written with its reason in the column `fel` (file, line, column)
  and no answers, and staging quarantines it like any other bad row (staging.karantan); the build goes on;
- `respondent` must be individ, narstaende or foretradare (else the same); `svar_id` must be given and unique
  (a repeated svar_id: the later sheet is quarantined, naming the first);
- a reverse-coded item (is_omvand) scores 6 - answer;
- delaktighetsindex = mean of the answered items after reverse coding, given only when at least half of the
  sheet's items are answered; rounded half-up to 4 decimals (exact decimal arithmetic, so deterministic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from .leverans import LeveransFel, las_text
from .paths import PROJECT_ROOT

QUESTION_SEED = PROJECT_ROOT / "seeds" / "indikatorer" / "sip_enkat_fragor.csv"
SURVEY_GLOB = "sip_delaktighet*.csv"
SHEET_FILE = "sip_delaktighet_blad.csv"
ITEM_FILE = "sip_delaktighet_svar.csv"

SHEET_COLUMNS = [
    "svar_id", "sip_id", "kommun_kod", "datum", "respondent", "kalla_fil", "kalla_rad",
    "antal_fragor", "antal_besvarade", "delaktighetsindex", "fel",
]
ITEM_COLUMNS = ["svar_id", "fraga", "dimension", "svar_raw", "svar"]
ID_COLUMNS = ["svar_id", "sip_id", "kommun_kod", "datum", "respondent"]
RESPONDENTS = frozenset({"individ", "narstaende", "foretradare"})
NO_ANSWER = frozenset({"", "0", "vet ej"})
VALID_ANSWERS = {str(v): v for v in range(1, 6)}
ITEM_PATTERN = re.compile(r"^f(\d+)$")
INDEX_QUANTUM = Decimal("0.0001")
TRUE_TEXT = frozenset({"true", "t", "1", "j", "ja", "y", "yes"})
FALSE_TEXT = frozenset({"false", "f", "0", "n", "nej", "no", ""})


class SurveyError(ValueError):
    """A survey file that cannot be scored; the message names the file, the line and the column."""


@dataclass(frozen=True)
class Question:
    fraga: str
    dimension: str
    is_omvand: bool


def _parse_flag(value: str, where: str) -> bool:
    text = value.strip().lower()
    if text in TRUE_TEXT:
        return True
    if text in FALSE_TEXT:
        return False
    raise SurveyError(f"{where}: is_omvand must be true/false, got {value!r}")


def load_questions(path: Path = QUESTION_SEED) -> dict[str, Question]:
    """The question seed: fraga -> (dimension, reverse coded)."""
    seed = pd.read_csv(path, sep=",", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"fraga", "dimension", "is_omvand"} - set(seed.columns)
    if missing:
        raise SurveyError(f"{path}: question seed lacks column(s) {', '.join(sorted(missing))}")
    questions: dict[str, Question] = {}
    for line, row in enumerate(seed.itertuples(index=False), start=2):
        fraga = row.fraga.strip().lower()
        questions[fraga] = Question(
            fraga=fraga,
            dimension=row.dimension.strip(),
            is_omvand=_parse_flag(row.is_omvand, f"{path}: line {line}, column is_omvand"),
        )
    return questions


def _item_columns(columns: Iterable[str]) -> list[str]:
    """f1, f2, ... f10 in numeric order."""
    items = [c for c in columns if ITEM_PATTERN.match(c)]
    return sorted(items, key=lambda c: int(ITEM_PATTERN.match(c).group(1)))


def _read_file(path: Path, kalla_fil: str) -> pd.DataFrame:
    """All cells as stripped text; blank lines kept as rows so that line numbers stay true, then dropped.
    The file is checked first (encoding, header, field counts, quotes); a failure is a SurveyError."""
    try:
        text = las_text(path, kalla_fil, "utf-8", ID_COLUMNS)
    except LeveransFel as err:
        raise SurveyError(str(err)) from None
    frame = pd.read_csv(text, sep=";", dtype=str, keep_default_na=False, skip_blank_lines=False)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    frame = frame.apply(lambda col: col.fillna("").str.strip())
    frame["kalla_rad"] = range(2, len(frame) + 2)
    is_blank = (frame.drop(columns="kalla_rad") == "").all(axis=1)
    return frame.loc[~is_blank].reset_index(drop=True)


def _score_answer(raw: str, where: str) -> int | None:
    """'1'..'5' -> the answer; '0', '' and 'vet ej' -> None; anything else -> SurveyError."""
    text = raw.strip()
    if text.lower() in NO_ANSWER:
        return None
    if text in VALID_ANSWERS:
        return VALID_ANSWERS[text]
    raise SurveyError(f"{where}: invalid answer {raw!r} (expected 1-5, or 0, empty or 'vet ej' for no answer)")


def _index(scores: list[int], antal_fragor: int) -> str:
    """Mean of the answered items, 4 decimals half-up, when at least half of the items are answered; else ''."""
    if not scores or 2 * len(scores) < antal_fragor:
        return ""
    mean = Decimal(sum(scores)) / Decimal(len(scores))
    return str(mean.quantize(INDEX_QUANTUM, rounding=ROUND_HALF_UP))


def _validate_header(frame: pd.DataFrame, kalla_fil: str, questions: dict[str, Question]) -> list[str]:
    missing = [c for c in ID_COLUMNS if c not in frame.columns]
    if missing:
        raise SurveyError(f"{kalla_fil}: line 1, column(s) {', '.join(missing)}: missing from the header")
    items = _item_columns(frame.columns)
    if not items:
        raise SurveyError(f"{kalla_fil}: line 1: no item columns (f1, f2, ...)")
    unknown = [c for c in items if c not in questions]
    if unknown:
        raise SurveyError(
            f"{kalla_fil}: line 1, column(s) {', '.join(unknown)}: not defined in the question seed sip_enkat_fragor"
        )
    return items


def _score_row(row: dict, items: list[str], questions: dict[str, Question], where: str) -> tuple[list[int], list[dict]]:
    """(scores, answer rows) of one sheet; raises SurveyError naming the column when a value is invalid."""
    if row["svar_id"] == "":
        raise SurveyError(f"{where}, column svar_id: empty")
    if row["respondent"].lower() not in RESPONDENTS:
        raise SurveyError(
            f"{where}, column respondent: invalid value {row['respondent']!r} "
            f"(expected {', '.join(sorted(RESPONDENTS))})"
        )
    scores: list[int] = []
    answers: list[dict] = []
    for fraga in items:
        question = questions[fraga]
        answer = _score_answer(row[fraga], f"{where}, column {fraga}")
        svar = None if answer is None else (6 - answer if question.is_omvand else answer)
        if svar is not None:
            scores.append(svar)
        answers.append({
            "svar_id": row["svar_id"], "fraga": fraga, "dimension": question.dimension,
            "svar_raw": row[fraga], "svar": "" if svar is None else str(svar),
        })
    return scores, answers


def score_file(path: Path, kalla_fil: str, questions: dict[str, Question]) -> tuple[list[dict], list[dict]]:
    """Validate and score one survey file: (sheet rows, item rows). A sheet with an invalid value is kept with its
    reason in `fel` (and no item rows): staging quarantines it."""
    frame = _read_file(path, kalla_fil)
    items = _validate_header(frame, kalla_fil, questions)
    sheets: list[dict] = []
    answers: list[dict] = []
    for row in frame.to_dict("records"):
        line = row["kalla_rad"]
        where = f"{kalla_fil}: line {line}"
        try:
            scores, sheet_answers = _score_row(row, items, questions, where)
            for answer in sheet_answers:
                answer["_blad"] = (kalla_fil, line)
            fel = ""
        except SurveyError as err:
            scores, sheet_answers, fel = [], [], str(err)
        answers += sheet_answers
        sheets.append({
            "svar_id": row["svar_id"], "sip_id": row["sip_id"], "kommun_kod": row["kommun_kod"],
            "datum": row["datum"], "respondent": row["respondent"].lower(), "kalla_fil": kalla_fil,
            "kalla_rad": line, "antal_fragor": len(items), "antal_besvarade": len(scores),
            "delaktighetsindex": "" if fel else _index(scores, len(items)), "fel": fel,
        })
    return sheets, answers


def _mark_repeated_ids(sheets: list[dict], answers: list[dict]) -> list[dict]:
    """A svar_id used again: the later sheet is unusable (fel names the first) and its answers are dropped."""
    first: dict[str, dict] = {}
    repeated: set[int] = set()
    for i, sheet in enumerate(sheets):
        if sheet["fel"] or not sheet["svar_id"]:
            continue
        earlier = first.setdefault(sheet["svar_id"], sheet)
        if earlier is not sheet:
            sheet["fel"] = (f"{sheet['kalla_fil']}: line {sheet['kalla_rad']}, column svar_id: already used in "
                            f"{earlier['kalla_fil']} line {earlier['kalla_rad']}")
            sheet["antal_besvarade"], sheet["delaktighetsindex"] = 0, ""
            repeated.add(i)
    dropped = {(sheets[i]["kalla_fil"], sheets[i]["kalla_rad"]) for i in repeated}
    return [a for a in answers if a["_blad"] not in dropped]


def _write(frame: pd.DataFrame, path: Path) -> Path:
    """Write the file only when its content changes: an unchanged file keeps its modification time, so that a
    monthly build does not rebuild the survey models (python/kommunanalys/manadsbygge.py)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = frame.to_csv(sep=";", index=False, lineterminator="\n").encode("utf-8")
    if not path.exists() or path.read_bytes() != text:
        path.write_bytes(text)
    return path


def score_surveys(raw_root: Path, derived_root: Path, questions_path: Path | None = None) -> list[Path]:
    """Score every `<raw_root>/enkat/sip_delaktighet*.csv`; write the sheet and item files under
    `<derived_root>/enkat/` (headers only when there is no survey file). Returns the two paths written.
    Raises SurveyError when a file cannot be read (structure, encoding, header), naming file and line; a sheet with
    an invalid value is written with its reason in `fel`."""
    raw_root, derived_root = Path(raw_root), Path(derived_root)
    files = sorted((raw_root / "enkat").glob(SURVEY_GLOB))
    questions = load_questions(questions_path or QUESTION_SEED) if files else {}
    sheet_rows: list[dict] = []
    item_rows: list[dict] = []
    for path in files:
        sheets, answers = score_file(path, path.relative_to(raw_root).as_posix(), questions)
        sheet_rows += sheets
        item_rows += answers
    item_rows = _mark_repeated_ids(sheet_rows, item_rows)
    sheets_df = pd.DataFrame(sheet_rows, columns=SHEET_COLUMNS)
    items_df = pd.DataFrame(item_rows, columns=ITEM_COLUMNS)
    out = derived_root / "enkat"
    return [_write(sheets_df, out / SHEET_FILE), _write(items_df, out / ITEM_FILE)]
