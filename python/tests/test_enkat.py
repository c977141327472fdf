"""Survey scoring (kommunanalys.enkat.score_surveys) on small CSV files written by the tests.

Expected figures are computed by hand in the comments. The tests use their own question seed (f4 reverse coded),
so that they do not depend on the project's questions; one test checks the project's seed is usable.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kommunanalys.enkat import ITEM_COLUMNS, QUESTION_SEED, SHEET_COLUMNS, SurveyError, load_questions, score_surveys

HEADER = "svar_id;sip_id;kommun_kod;datum;respondent;f1;f2;f3;f4"


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "fragor.csv"
    path.write_text(
        "fraga,fragetext,dimension,is_omvand,status\n"
        "f1,Jag fick vara med och bestämma,delaktighet,false,I\n"
        "f2,Planen speglar mina behov,behov,false,I\n"
        "f3,Jag fick säga det jag ville,inflytande,false,I\n"
        "f4,Jag kände mig överkörd,inflytande,true,I\n",
        encoding="utf-8",
    )
    return path


def write_survey(raw: Path, name: str, lines: list[str], bom: bool = False) -> Path:
    path = raw / "enkat" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig" if bom else "utf-8")
    return path


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def score(tmp_path: Path, questions: Path) -> tuple[list[dict], list[dict], list[Path]]:
    written = score_surveys(tmp_path / "raw", tmp_path / "derived", questions_path=questions)
    return read(written[0]), read(written[1]), written


def test_hand_computed_indices(tmp_path: Path, questions: Path) -> None:
    write_survey(tmp_path / "raw", "sip_delaktighet_2024.csv", [
        HEADER,
        "A1;S1;0880;2024-03-01;individ;5;4;3;2",        # f4 reversed 2 -> 4: (5+4+3+4)/4 = 4.0000
        "A2;S1;0880;2024-03-01;Narstaende;4;Vet ej;5;1",  # 'Vet ej' no answer; f4 1 -> 5: (4+5+5)/3 = 4.6667
        "A3;;0880;2024-03-02;foretradare;3;;0;vet ej",    # 1 of 4 answered (< half): no index
        "A4;S2;0880;2024-03-02;individ;2;3;;",            # exactly half answered: (2+3)/2 = 2.5000
        "A5;S2;0880;2024-03-02;individ;1;2;2;",           # (1+2+2)/3 = 1.66666.. -> 1.6667
    ], bom=True)
    sheets, items, written = score(tmp_path, questions)

    by_id = {s["svar_id"]: s for s in sheets}
    assert [s["svar_id"] for s in sheets] == ["A1", "A2", "A3", "A4", "A5"]
    assert by_id["A1"]["delaktighetsindex"] == "4.0000"
    assert by_id["A2"]["delaktighetsindex"] == "4.6667"
    assert by_id["A3"]["delaktighetsindex"] == ""
    assert by_id["A4"]["delaktighetsindex"] == "2.5000"
    assert by_id["A5"]["delaktighetsindex"] == "1.6667"
    assert [(s["antal_fragor"], s["antal_besvarade"]) for s in sheets] == [
        ("4", "4"), ("4", "3"), ("4", "1"), ("4", "2"), ("4", "3")]
    assert by_id["A2"]["respondent"] == "narstaende"
    assert by_id["A3"]["sip_id"] == ""
    assert by_id["A1"]["kalla_fil"] == "enkat/sip_delaktighet_2024.csv"
    assert [s["kalla_rad"] for s in sheets] == ["2", "3", "4", "5", "6"]

    per_item = {(i["svar_id"], i["fraga"]): i for i in items}
    assert len(items) == 5 * 4
    assert per_item[("A1", "f4")] == {"svar_id": "A1", "fraga": "f4", "dimension": "inflytande",
                                      "svar_raw": "2", "svar": "4"}
    assert per_item[("A2", "f2")]["svar_raw"] == "Vet ej" and per_item[("A2", "f2")]["svar"] == ""
    assert per_item[("A3", "f3")]["svar_raw"] == "0" and per_item[("A3", "f3")]["svar"] == ""
    assert per_item[("A2", "f1")]["dimension"] == "delaktighet"

    header_sheet = written[0].read_text(encoding="utf-8").splitlines()[0]
    header_item = written[1].read_text(encoding="utf-8").splitlines()[0]
    assert header_sheet == ";".join(SHEET_COLUMNS)
    assert header_sheet == ("svar_id;sip_id;kommun_kod;datum;respondent;kalla_fil;kalla_rad;"
                            "antal_fragor;antal_besvarade;delaktighetsindex;fel")
    assert header_item == ";".join(ITEM_COLUMNS) == "svar_id;fraga;dimension;svar_raw;svar"
    assert not written[0].read_bytes().startswith(b"\xef\xbb\xbf")


def test_invalid_value_quarantines_the_sheet_naming_file_line_and_column(tmp_path: Path, questions: Path) -> None:
    """A bad value no longer stops the scoring: the sheet is written with its reason in `fel` and no answers;
    staging quarantines it (test_leveranser.py shows the build going on)."""
    write_survey(tmp_path / "raw", "sip_delaktighet_2023.csv", [
        HEADER,
        "B1;S1;0880;2023-05-01;individ;5;4;3;2",
        "B2;S1;0880;2023-05-01;individ;5;4;7;2",
    ])
    sheets, items, _ = score(tmp_path, questions)
    assert [(s["svar_id"], s["fel"]) for s in sheets] == [
        ("B1", ""),
        ("B2", "enkat/sip_delaktighet_2023.csv: line 3, column f3: invalid answer '7' (expected 1-5, or 0, empty or "
               "'vet ej' for no answer)"),
    ]
    assert sheets[1]["delaktighetsindex"] == "" and sheets[1]["antal_besvarade"] == "0"
    assert {i["svar_id"] for i in items} == {"B1"} and len(items) == 4


def test_invalid_respondent_quarantines_the_sheet(tmp_path: Path, questions: Path) -> None:
    write_survey(tmp_path / "raw", "sip_delaktighet_x.csv", [
        HEADER, "C1;S1;0880;2023-05-01;personal;5;4;3;2"])
    sheets, items, _ = score(tmp_path, questions)
    assert sheets[0]["fel"].startswith("enkat/sip_delaktighet_x.csv: line 2, column respondent: invalid value "
                                       "'personal'")
    assert items == []


def test_blank_line_keeps_line_numbers(tmp_path: Path, questions: Path) -> None:
    write_survey(tmp_path / "raw", "sip_delaktighet_b.csv", [
        HEADER, "D1;S1;0880;2023-05-01;individ;5;4;3;2", "", "D2;S1;0880;2023-05-01;individ;5;x;3;2"])
    sheets, _, _ = score(tmp_path, questions)
    assert [s["kalla_rad"] for s in sheets] == ["2", "4"]
    assert "line 4, column f2" in sheets[1]["fel"]


def test_item_not_in_seed_is_an_error_and_a_repeated_id_is_quarantined(tmp_path: Path, questions: Path) -> None:
    raw = tmp_path / "raw"
    write_survey(raw, "sip_delaktighet_a.csv", [HEADER + ";f9", "E1;S1;0880;2023-05-01;individ;5;4;3;2;1"])
    with pytest.raises(SurveyError, match=r"line 1, column\(s\) f9"):
        score_surveys(raw, tmp_path / "derived", questions_path=questions)
    write_survey(raw, "sip_delaktighet_a.csv", [HEADER, "E1;S1;0880;2023-05-01;individ;5;4;3;2"])
    write_survey(raw, "sip_delaktighet_b.csv", [HEADER, "E1;S2;0880;2023-05-01;individ;1;1;1;1"])
    sheets, items, _ = score(tmp_path, questions)
    assert [s["fel"] for s in sheets] == [
        "", "enkat/sip_delaktighet_b.csv: line 2, column svar_id: already used in enkat/sip_delaktighet_a.csv line 2"]
    # the answers are those of the first sheet only
    assert [(i["fraga"], i["svar_raw"]) for i in items] == [("f1", "5"), ("f2", "4"), ("f3", "3"), ("f4", "2")]


def test_ragged_survey_file_is_an_error_naming_file_and_line(tmp_path: Path, questions: Path) -> None:
    write_survey(tmp_path / "raw", "sip_delaktighet_r.csv", [HEADER, "G1;S1;0880;2023-05-01;individ;5;4;3;2;9"])
    with pytest.raises(SurveyError, match=r"enkat/sip_delaktighet_r\.csv: fel antal fält: rad 2: 10 fält, rubriken har 9"):
        score_surveys(tmp_path / "raw", tmp_path / "derived", questions_path=questions)
    assert not (tmp_path / "derived").exists()


def test_several_files_and_deterministic(tmp_path: Path, questions: Path) -> None:
    raw = tmp_path / "raw"
    write_survey(raw, "sip_delaktighet_2024.csv", [HEADER, "F2;S2;0881;2024-01-01;individ;1;1;1;5"])
    write_survey(raw, "sip_delaktighet_2023.csv", [HEADER, "F1;S1;0880;2023-01-01;individ;3;3;3;3"])
    first = score_surveys(raw, tmp_path / "d1", questions_path=questions)
    second = score_surveys(raw, tmp_path / "d2", questions_path=questions)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    sheets = read(first[0])
    # files in name order; F2: f4 5 -> 1, (1+1+1+1)/4 = 1.0000
    assert [(s["svar_id"], s["delaktighetsindex"]) for s in sheets] == [("F1", "3.0000"), ("F2", "1.0000")]


def test_no_survey_files_gives_headers_only(tmp_path: Path) -> None:
    written = score_surveys(tmp_path / "raw", tmp_path / "derived")
    assert [p.name for p in written] == ["sip_delaktighet_blad.csv", "sip_delaktighet_svar.csv"]
    assert written[0].read_text(encoding="utf-8") == ";".join(SHEET_COLUMNS) + "\n"
    assert written[1].read_text(encoding="utf-8") == ";".join(ITEM_COLUMNS) + "\n"


def test_project_question_seed_is_valid() -> None:
    questions = load_questions(QUESTION_SEED)
    assert questions, "the project's sip_enkat_fragor seed has no questions"
    assert any(q.is_omvand for q in questions.values())
