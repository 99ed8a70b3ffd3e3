"""Case totals, per-domain subscores, and the certificate aggregate over an exam's cases.

The maximum of a case is the sum over the questions on the path the candidate
took, not over every question in the script: branches hold alternative
questions, and a candidate is not marked down for a branch they never saw.
When a case ends early (time expired, proctor ended it, media fault) the
questions still ahead on the path are resolved as unanswered (the session
follows the branches as if each were left blank) and count in the maximum
with 0 points, so running out of time never raises a score.

A case passes when points / max_points >= settings.pass_mark, compared
exactly. An aborted case never passes. An exam is an ordered list of cases;
its certificate aggregate adds points and maxima across cases (so a case
weighs by its points) and passes when the aggregate fraction reaches the
exam pass mark (default: the cases' pass marks weighted by their maxima),
every case is complete, and, if asked, every case passed on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pocus_player.core.geometry import exact
from pocus_player.core.model import Case
from pocus_player.core.scoring import POINTS_DECIMALS, ScoreResult

OUTCOMES = ("completed", "time_expired", "ended_by_proctor", "aborted")


def _float(value: Fraction) -> float:
    return round(float(value), POINTS_DECIMALS + 2)


@dataclass(frozen=True, slots=True)
class DomainScore:
    domain: str
    title: str
    points: float
    max_points: float
    questions: int

    @property
    def fraction(self) -> float:
        return _float(exact(self.points) / exact(self.max_points)) if self.max_points else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "title": self.title,
            "points": self.points,
            "max_points": self.max_points,
            "questions": self.questions,
            "fraction": self.fraction,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DomainScore:
        return cls(
            str(data["domain"]),
            str(data["title"]),
            float(data["points"]),
            float(data["max_points"]),
            int(data["questions"]),
        )


def _domains(
    results: Sequence[ScoreResult], titles: Mapping[str, str], order: Sequence[str]
) -> tuple[DomainScore, ...]:
    points: dict[str, Fraction] = {}
    maxima: dict[str, Fraction] = {}
    counts: dict[str, int] = {}
    for r in results:
        points[r.domain] = points.get(r.domain, Fraction(0)) + exact(r.points)
        maxima[r.domain] = maxima.get(r.domain, Fraction(0)) + exact(r.max_points)
        counts[r.domain] = counts.get(r.domain, 0) + 1
    ranked = [d for d in order if d in counts] + [d for d in counts if d not in order]
    return tuple(
        DomainScore(d, titles.get(d, d), _float(points[d]), _float(maxima[d]), counts[d])
        for d in ranked
    )


@dataclass(frozen=True, slots=True)
class CaseTotals:
    case_id: str
    case_version: str
    points: float
    max_points: float
    pass_mark: float
    passed: bool
    outcome: str  # one of OUTCOMES
    domains: tuple[DomainScore, ...]
    path: tuple[str, ...]  # step ids entered, in order
    questions: tuple[str, ...]  # question ids counted (presented, then unreached)
    unreached: tuple[str, ...] = ()  # counted as unanswered because the case ended early

    @property
    def fraction(self) -> float:
        return _float(exact(self.points) / exact(self.max_points)) if self.max_points else 0.0

    @property
    def complete(self) -> bool:
        return self.outcome != "aborted"

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_version": self.case_version,
            "points": self.points,
            "max_points": self.max_points,
            "fraction": self.fraction,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "outcome": self.outcome,
            "domains": [d.to_json() for d in self.domains],
            "path": list(self.path),
            "questions": list(self.questions),
            "unreached": list(self.unreached),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseTotals:
        return cls(
            case_id=str(data["case_id"]),
            case_version=str(data["case_version"]),
            points=float(data["points"]),
            max_points=float(data["max_points"]),
            pass_mark=float(data["pass_mark"]),
            passed=bool(data["passed"]),
            outcome=str(data["outcome"]),
            domains=tuple(DomainScore.from_json(d) for d in data["domains"]),
            path=tuple(data["path"]),
            questions=tuple(data["questions"]),
            unreached=tuple(data.get("unreached", ())),
        )


def case_totals(
    case: Case,
    results: Iterable[ScoreResult],
    path: Sequence[str] = (),
    outcome: str = "completed",
    unreached: Sequence[str] = (),
) -> CaseTotals:
    """Totals over `results`: one per question presented (or unreached) on the path taken."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown case outcome {outcome!r} (one of {', '.join(OUTCOMES)})")
    listed = list(results)
    points = sum((exact(r.points) for r in listed), Fraction(0))
    maximum = sum((exact(r.max_points) for r in listed), Fraction(0))
    mark = exact(case.settings.pass_mark)
    passed = outcome != "aborted" and maximum > 0 and points >= mark * maximum
    titles = {d.id: d.title for d in case.meta.domains}
    return CaseTotals(
        case_id=case.meta.id,
        case_version=case.meta.version,
        points=_float(points),
        max_points=_float(maximum),
        pass_mark=case.settings.pass_mark,
        passed=passed,
        outcome=outcome,
        domains=_domains(listed, titles, [d.id for d in case.meta.domains]),
        path=tuple(path),
        questions=tuple(r.question_id for r in listed),
        unreached=tuple(unreached),
    )


@dataclass(frozen=True, slots=True)
class CertificateAggregate:
    cases: tuple[CaseTotals, ...]
    points: float
    max_points: float
    pass_mark: float
    passed: bool
    complete: bool
    domains: tuple[DomainScore, ...]
    reasons: tuple[str, ...]  # why it did not pass; empty when it passed

    @property
    def fraction(self) -> float:
        return _float(exact(self.points) / exact(self.max_points)) if self.max_points else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": [c.to_json() for c in self.cases],
            "points": self.points,
            "max_points": self.max_points,
            "fraction": self.fraction,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "complete": self.complete,
            "domains": [d.to_json() for d in self.domains],
            "reasons": list(self.reasons),
        }


def certificate(
    cases: Sequence[CaseTotals],
    pass_mark: float | None = None,
    require_each_case: bool = False,
) -> CertificateAggregate:
    """Aggregate an exam (an ordered list of case totals) into one certificate decision."""
    if not cases:
        raise ValueError("an exam needs at least one case")
    points = sum((exact(c.points) for c in cases), Fraction(0))
    maximum = sum((exact(c.max_points) for c in cases), Fraction(0))
    if pass_mark is None:
        weighted = sum((exact(c.pass_mark) * exact(c.max_points) for c in cases), Fraction(0))
        mark = weighted / maximum if maximum else Fraction(1)
    else:
        mark = exact(pass_mark)
    reasons: list[str] = []
    incomplete = [c.case_id for c in cases if not c.complete]
    if incomplete:
        reasons.append("incomplete case(s): " + ", ".join(incomplete))
    if maximum == 0 or points < mark * maximum:
        reasons.append("aggregate below the pass mark")
    failed = [c.case_id for c in cases if not c.passed]
    if require_each_case and failed:
        reasons.append("case(s) below their own pass mark: " + ", ".join(failed))
    # Domain subscores add across cases by domain id, in first-seen order.
    domain_points: dict[str, list[DomainScore]] = {}
    for c in cases:
        for d in c.domains:
            domain_points.setdefault(d.domain, []).append(d)
    domains = tuple(
        DomainScore(
            d,
            parts[0].title,
            _float(sum((exact(p.points) for p in parts), Fraction(0))),
            _float(sum((exact(p.max_points) for p in parts), Fraction(0))),
            sum(p.questions for p in parts),
        )
        for d, parts in domain_points.items()
    )
    return CertificateAggregate(
        cases=tuple(cases),
        points=_float(points),
        max_points=_float(maximum),
        pass_mark=_float(mark),
        passed=not reasons,
        complete=not incomplete,
        domains=domains,
        reasons=tuple(reasons),
    )
