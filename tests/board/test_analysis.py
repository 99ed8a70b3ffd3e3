"""board.analysis on tiny data worked by hand: branching, not-reached, omits, forms, flags."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pocus_player.board.analysis import Exam, Thresholds, analyse
from pocus_player.board.case_source import ScriptCases, UnknownCase
from pocus_player.board.rescored import ANSWERED, NOT_REACHED, OMITTED, FileOutcome, ItemRow
from tests.board.test_results import _png

TOL = 1e-6

BRANCHING = """\
schema_version: 1
case:
  id: branchy
  title: Branchy
  clinical_area: other
  version: "1.0.0"
  authors: [tests]
  estimated_minutes: 1
  domains: [{id: d1, title: One}, {id: d2, title: Two}]
settings: {time_limit: "05:00", pass_mark: 60}
media: [{id: still, kind: still, file: still.png}]
steps:
  - id: s1
    type: questions
    questions: [q1]
    next:
      rules: [{when: {question: q1, correct: true}, goto: s2}]
      default: s3
  - {id: s2, type: questions, questions: [q2], next: s4}
  - {id: s3, type: questions, questions: [q3], next: s4}
  - {id: s4, type: questions, questions: [q4]}
questions:
  - {id: q1, type: single_best_answer, stem: S, points: 1, domain: d1, rationale: r,
     options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}], key: a}
  - {id: q2, type: single_best_answer, stem: S, points: 1, domain: d1, rationale: r,
     options: [{id: a, text: A}, {id: b, text: B}], key: b}
  - {id: q3, type: multiple_response, stem: S, points: 2, domain: d2, rationale: r,
     scoring: partial, options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}],
     key: [a, b]}
  - {id: q4, type: single_best_answer, stem: S, points: 1, domain: d2, rationale: r,
     options: [{id: a, text: A}, {id: b, text: B}], key: a}
"""


@pytest.fixture
def source(tmp_path: Path) -> ScriptCases:
    (tmp_path / "branchy.yaml").write_text(BRANCHING, encoding="utf-8")
    _png(tmp_path / "still.png")
    return ScriptCases([tmp_path / "branchy.yaml"])


def row(cand: str, qid: str, points: float, maximum: float, status: str = ANSWERED,
        choices: tuple[str, ...] = (), time_s: float | None = 10.0) -> ItemRow:  # fmt: skip
    return ItemRow(
        file=f"{cand}.pocusresult",
        session=cand,
        candidate_id=cand,
        case_id="branchy",
        case_version="1.0.0",
        question_id=qid,
        question_type="single_best_answer" if qid != "q3" else "multiple_response",
        domain="d1" if qid in ("q1", "q2") else "d2",
        status=status,
        points=points,
        max_points=maximum,
        rule="x",
        correct=points == maximum,
        recorded_points=points,
        changed=False,
        time_s=time_s,
        response="{}",
        choices=choices,
    )


def cohort() -> list[FileOutcome]:
    """Five candidates; q2 and q3 sit on different branches; c5's case ended before q4."""
    sittings = {
        "c1": [row("c1", "q1", 1, 1, choices=("a",)), row("c1", "q2", 1, 1, choices=("b",)),
               row("c1", "q4", 1, 1, choices=("a",), time_s=30.0)],
        "c2": [row("c2", "q1", 1, 1, choices=("a",)), row("c2", "q2", 0, 1, choices=("a",)),
               row("c2", "q4", 1, 1, choices=("a",), time_s=20.0)],
        "c3": [row("c3", "q1", 0, 1, choices=("b",)), row("c3", "q3", 2, 2, choices=("a", "b")),
               row("c3", "q4", 0, 1, choices=("b",), time_s=40.0)],
        "c4": [row("c4", "q1", 0, 1, choices=("b",)), row("c4", "q3", 1, 2, choices=("a",)),
               row("c4", "q4", 0, 1, OMITTED, time_s=None)],
        "c5": [row("c5", "q1", 1, 1, choices=("a",)), row("c5", "q2", 1, 1, choices=("b",)),
               row("c5", "q4", 0, 1, NOT_REACHED, time_s=None)],
    }  # fmt: skip
    return [
        FileOutcome(f"{c}.pocusresult", case_id="branchy", candidate_id=c, outcome="completed",
                    rows=tuple(rows))
        for c, rows in sittings.items()
    ]  # fmt: skip


def items(result: dict[str, object]) -> dict[str, dict[str, object]]:
    return {it["question_id"]: it for it in result["items"]}  # type: ignore[attr-defined,index]


def test_item_statistics_by_hand(source: ScriptCases) -> None:
    result = analyse(cohort(), source, Thresholds(min_n=1))
    (case,) = result.cases
    it = items(case)
    # Branching: q2 was reached by c1, c2, c5 only; q3 by c3, c4; nobody is counted wrong
    # on a question off their branch.
    assert (it["q2"]["n_reached"], it["q2"]["p"]) == (3, pytest.approx(2 / 3, abs=TOL))
    assert (it["q3"]["n_reached"], it["q3"]["p"]) == (2, pytest.approx(3 / 4, abs=TOL))
    # q4: c5 never reached it (not in n, p or omits); c4 left it blank (an omit, scored 0).
    q4 = it["q4"]
    assert (q4["n_reached"], q4["n_not_reached"], q4["n_omitted"]) == (4, 1, 1)
    assert q4["p"] == pytest.approx(0.5, abs=TOL)
    assert q4["omit_rate"] == pytest.approx(0.25, abs=TOL)
    # Rest proportions (total - item) / (max - 1): 2/2, 1/2, 2/3, 1/3 against 1, 1, 0, 0:
    # r = (1/4) / sqrt(35/144) = 3 / sqrt(35).
    assert q4["r_item_rest"] == pytest.approx(3 / math.sqrt(35), abs=TOL)
    assert q4["median_time_s"] == pytest.approx(30.0, abs=TOL)  # of 30, 20, 40
    # One candidate a side (round(.27 * 4)): upper by rest = c1 (1.0), lower = c4 (1/3).
    assert (q4["n_upper"], q4["n_lower"]) == (1, 1)
    assert q4["d_upper_lower"] == pytest.approx(1.0, abs=TOL)
    options = {o["option"]: o for o in it["q1"]["options"]}
    assert options["a"]["key"] and options["a"]["rate"] == pytest.approx(0.6, abs=TOL)
    assert options["b"]["rate"] == pytest.approx(0.4, abs=TOL)
    assert options["c"]["n"] == 0 and options["c"]["flag"] == "never_chosen"
    assert options["(no answer)"]["n"] == 0


def test_case_scale_forms_reliability_and_pass_rate_by_hand(source: ScriptCases) -> None:
    (case,) = analyse(cohort(), source, Thresholds(min_n=1)).cases
    scale = case["scale"]
    # Fractions 3/3, 2/3, 2/4, 1/4, 2/3 (c5's unreached q4 counts 0 of 1); pass mark 60 %.
    assert scale["n"] == 5
    assert scale["fraction"]["mean"] == pytest.approx((1 + 2 / 3 + 0.5 + 0.25 + 2 / 3) / 5, abs=TOL)
    assert scale["pass_rate"] == pytest.approx(3 / 5, abs=TOL)
    # Two forms, by branch: {q1, q2, q4} for c1, c2, c5; {q1, q3, q4} for c3, c4.
    assert [(f["items"], f["n"]) for f in scale["forms"]] == [
        (["q1", "q2", "q4"], 3),
        (["q1", "q3", "q4"], 2),
    ]
    rel = scale["reliability"]
    # Main form: [[1,1,1],[1,0,1],[1,1,0]]: variances 0, 1/3, 1/3; totals 3, 2, 2 (1/3):
    # alpha = 3/2 * (1 - (2/3) / (1/3)) = -3/2; SD of totals sqrt(1/3), SEM undefined (< 0).
    assert rel["n"] == 3 and rel["k"] == 3 and rel["coefficient"] == "KR-20"
    assert rel["alpha"] == pytest.approx(-1.5, abs=TOL)
    assert rel["sd_points"] == pytest.approx(math.sqrt(1 / 3), abs=TOL)
    assert rel["sem_points"] is None
    domains = {d["domain"]: d for d in case["domains"]}
    assert domains["d1"]["n"] == 5 and domains["d2"]["n"] == 5
    assert domains["d2"]["items"] == ["q3", "q4"]


def test_flags_follow_the_thresholds(source: ScriptCases) -> None:
    result = analyse(cohort(), source, Thresholds(min_n=1, p_max=0.6))
    codes = {(f.question_id, f.code) for f in result.flags if f.scope == "item"}
    assert ("q3", "too_easy") in codes  # p .75 > .6
    assert ("q1", "option_never_chosen") in codes
    assert ("q4", "often_omitted") in codes  # 25 % > 10 %
    quiet = analyse(cohort(), source)  # the default min_n (20) flags nothing on five
    assert not [f for f in quiet.flags if f.scope == "item"]
    assert quiet.thresholds.min_n == 20


def test_thresholds_and_exam_parse_with_clear_errors() -> None:
    th = Thresholds().with_settings(["p_min=0.3", "min-n=5"])
    assert (th.p_min, th.min_n) == (0.3, 5)
    with pytest.raises(ValueError, match="NAME one of p_min"):
        Thresholds().with_settings(["pmin=0.3"])
    with pytest.raises(ValueError, match="is not a number"):
        Thresholds().with_settings(["p_min=low"])
    assert Exam.parse("cert=a, b").case_ids == ("a", "b")
    with pytest.raises(ValueError, match="NAME=CASE_ID"):
        Exam.parse("cert")


def test_the_cli_lists_every_threshold() -> None:
    from pocus_player.board.stats_cli import THRESHOLD_NAMES

    assert THRESHOLD_NAMES.split(", ") == list(Thresholds.names())


def test_exam_groups_cases_by_candidate(source: ScriptCases) -> None:
    result = analyse(cohort(), source, Thresholds(min_n=1), [Exam("cert", ("branchy",))])
    (exam,) = result.exams
    assert exam["n_candidates"] == 5 and exam["n_incomplete"] == 0
    assert exam["scale"]["pass_mark"] == pytest.approx(0.6, abs=TOL)
    assert exam["scale"]["reliability"]["alpha"] == pytest.approx(-1.5, abs=TOL)
    assert exam["scale"]["reliability"]["stratified_alpha"] is None  # one case: no strata
    assert exam["scale"]["forms"][0]["items"] == ["q1", "q2", "q4"]  # one case: plain ids


def test_the_case_source_names_what_it_lacks(source: ScriptCases, tmp_path: Path) -> None:
    assert source.case_ids() == ("branchy",)
    with pytest.raises(UnknownCase, match="no case script given for case 'other'"):
        source.case("other")
    import pickle

    again = pickle.loads(pickle.dumps(source))  # what the pool's workers receive
    assert again.case("branchy").meta.id == "branchy"
