"""Case totals, domain subscores, pass/fail, and the certificate aggregate."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from pocus_player.core import model as m
from pocus_player.core.scoring import ScoreResult
from pocus_player.core.totals import CaseTotals, case_totals, certificate
from tests.core.factories import branching_case


def r(qid: str, points: float, maximum: float, domain: str) -> ScoreResult:
    return ScoreResult(qid, points, maximum, domain, "test", points == maximum, {})


@pytest.fixture
def case(tmp_path: Path) -> m.Case:
    return branching_case(tmp_path)


def test_totals_sum_presented_questions_by_domain(case: m.Case) -> None:
    results = [
        r("q1", 1.0, 1.0, "interpretation"),
        r("q2", 0.5, 2.0, "acquisition"),
        r("q3", 0.0, 1.0, "interpretation"),
        r("q4", 1.5, 2.0, "elsewhere"),
    ]
    t = case_totals(case, results, ("scan", "stable"))
    assert (t.points, t.max_points, t.fraction) == (3.0, 6.0, 0.5)
    assert [(d.domain, d.points, d.max_points, d.questions) for d in t.domains] == [
        ("acquisition", 0.5, 2.0, 1),
        ("interpretation", 1.0, 2.0, 2),
        ("elsewhere", 1.5, 2.0, 1),
    ]
    assert t.domains[0].title == "Image acquisition" and t.domains[2].title == "elsewhere"
    assert t.domains[1].fraction == 0.5
    assert not t.passed and t.questions == ("q1", "q2", "q3", "q4")


def test_pass_mark_boundary_is_exact(case: m.Case) -> None:
    # 0.7 * 10 is 7.000000000000001 in binary floating point; 7 of 10 must pass at 0.7.
    results = [r(f"q{i}", 1.0 if i < 7 else 0.0, 1.0, "interpretation") for i in range(10)]
    assert case_totals(case, results).passed
    assert not case_totals(case, [*results[1:], r("x", 0.0, 1.0, "interpretation")]).passed
    thirds = [r("a", 0.6667, 1.0, "interpretation")]
    strict = replace(case, settings=replace(case.settings, pass_mark=0.6667))
    assert case_totals(strict, thirds).passed


def test_aborted_and_empty_cases_never_pass(case: m.Case) -> None:
    full = [r("q1", 1.0, 1.0, "interpretation")]
    assert not case_totals(case, full, outcome="aborted").passed
    assert not case_totals(case, full, outcome="aborted").complete
    empty = case_totals(case, [])
    assert (empty.passed, empty.fraction, empty.domains) == (False, 0.0, ())
    with pytest.raises(ValueError, match="unknown case outcome 'done'"):
        case_totals(case, full, outcome="done")


def test_totals_round_trip_through_json(case: m.Case) -> None:
    t = case_totals(
        case,
        [r("q1", 1.0, 1.0, "interpretation"), r("q2", 0.0, 3.0, "acquisition")],
        ("scan",),
        "time_expired",
        ("q2",),
    )
    data = json.loads(json.dumps(t.to_json()))
    assert CaseTotals.from_json(data) == t
    assert data["fraction"] == 0.25 and data["unreached"] == ["q2"]


def test_certificate_weights_cases_by_points(case: m.Case) -> None:
    a = case_totals(case, [r("q1", 8.0, 10.0, "interpretation")])
    other = replace(case, settings=replace(case.settings, pass_mark=0.5))
    b = case_totals(
        other, [r("q2", 3.0, 10.0, "acquisition"), r("q3", 2.0, 10.0, "interpretation")]
    )
    cert = certificate([a, b])
    # Default mark: (0.7 * 10 + 0.5 * 20) / 30 = 17/30; aggregate 13/30 falls short.
    assert (cert.points, cert.max_points, cert.pass_mark) == (13.0, 30.0, 0.566667)
    assert not cert.passed and cert.reasons == ("aggregate below the pass mark",)
    lenient = certificate([a, b], pass_mark=0.4)
    assert lenient.passed and lenient.complete and lenient.reasons == ()
    assert [(d.domain, d.points, d.max_points) for d in lenient.domains] == [
        ("interpretation", 10.0, 20.0),
        ("acquisition", 3.0, 10.0),
    ]
    each = certificate([a, b], pass_mark=0.4, require_each_case=True)
    assert not each.passed and "below their own pass mark: test-case" in each.reasons[0]
    assert json.loads(json.dumps(each.to_json()))["cases"][0]["case_id"] == "test-case"
    assert each.fraction == 0.433333


def test_certificate_needs_complete_cases(case: m.Case) -> None:
    good = case_totals(case, [r("q1", 1.0, 1.0, "interpretation")])
    aborted = case_totals(case, [r("q1", 1.0, 1.0, "interpretation")], outcome="aborted")
    cert = certificate([good, aborted], pass_mark=0.5)
    assert not cert.passed and not cert.complete
    assert cert.reasons == ("incomplete case(s): test-case",)
    with pytest.raises(ValueError, match="at least one case"):
        certificate([])
    zero = certificate([case_totals(case, [])])
    assert not zero.passed and zero.fraction == 0.0 and zero.pass_mark == 1.0
