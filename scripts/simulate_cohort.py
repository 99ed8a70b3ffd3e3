"""Simulate a cohort sitting the demo cases and write their real, encrypted result files.

    python scripts/simulate_cohort.py OUT_DIR [--candidates 300] [--seed 1] [--jobs 2]
        [--recipient board.pub] [--case cases/x.yaml ...] [--no-planted]

Each candidate has one latent ability theta ~ N(0, 1) across cases. Each question answers
from a two-parameter logistic model, P(right) = 1 / (1 + exp(-a (theta - b))), with wrong
answers spread over the distractors (weaker candidates err more); partial-credit types,
hotspots (markers on a key region, a wrong region or outside) and caliper measurements
(error SD shrinking with ability) follow the same idea. The responses go through the real
exam engine (`simulate`, virtual time, branches included) into `EncryptedJournal`, as the
app writes them: the board tools read them exactly like a testing center's files.

Two bad items are planted, for the analysis to find (`PLANTED`):
- lung-acute-dyspnea / q-probe-site is *miskeyed*: able candidates answer `base`, the
  script's key says `anterior`;
- cardiac-pericardial-effusion / q-management has a distractor, `ct`, that *attracts
  strong candidates*: the abler the candidate, the likelier they choose it.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pocus_player.core import scoring
from pocus_player.core.clock import VirtualClock
from pocus_player.core.geometry import point_in_shape
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.loader import load_case
from pocus_player.core.model import Case, Question, QuestionType, StepType
from pocus_player.core.simulate import parse_script, simulate
from pocus_player.resources import demo_board_recipient, demo_cases


@dataclass(frozen=True, slots=True)
class Planted:
    kind: str  # "miskey": able candidates choose `option`; "attractor": a distractor they like
    option: str


PLANTED: dict[tuple[str, str], Planted] = {
    ("lung-acute-dyspnea", "q-probe-site"): Planted("miskey", "base"),
    ("cardiac-pericardial-effusion", "q-management"): Planted("attractor", "ct"),
}

# Difficulty b per question (a = DISCRIMINATION for all); the rest default to DEFAULT_B.
DISCRIMINATION = 2.5
DEFAULT_B = -0.6
DIFFICULTY: dict[str, float] = {
    "q-stability": -0.3,
    "q-ivc-caliper": 0.2,
    "q-bline-cause": 0.1,
    "q-fluid-sites": -1.0,
}
OMIT_RATE = 0.02
OUTSIDE_POINT = (2.0, 2.0)


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _p_right(q: Question, theta: float) -> float:
    return logistic(DISCRIMINATION * (theta - DIFFICULTY.get(q.id, DEFAULT_B)))


def _sba(q: Question, theta: float, rng: np.random.Generator, planted: Planted | None) -> Any:
    ids = [o.id for o in q.display_options]
    key = q.key[0]
    right = planted.option if planted and planted.kind == "miskey" else key
    wrong = [i for i in ids if i != right]
    if planted and planted.kind == "attractor":
        if rng.random() < 0.45 * logistic(2.5 * (theta - 0.3)):
            return {"choice": planted.option}
        wrong = [i for i in wrong if i != planted.option] or wrong
    if rng.random() < _p_right(q, theta):
        return {"choice": right}
    return {"choice": wrong[int(rng.integers(len(wrong)))]}


def _mr(q: Question, theta: float, rng: np.random.Generator) -> Any:
    p = _p_right(q, theta)
    chosen = []
    for o in q.display_options:
        if o.id == "not_possible":
            continue
        like = p if o.id in q.key else 0.6 * (1.0 - p)
        if rng.random() < like:
            chosen.append(o.id)
    return {"choices": chosen or [q.key[0]]}


def _ordering(q: Question, theta: float, rng: np.random.Generator) -> Any:
    if rng.random() < _p_right(q, theta):
        return {"order": list(q.key)}
    order = list(q.key)
    rng.shuffle(order)
    return {"order": order}


def _hotspot(q: Question, theta: float, rng: np.random.Generator) -> Any:
    if rng.random() < _p_right(q, theta):
        return scoring.key_response(q)
    others = [r for r in q.regions if r.id not in q.key]
    frame = q.image.frame if q.image is not None else None
    if others and rng.random() < 0.6:
        region = others[int(rng.integers(len(others)))]
        point = scoring._inside_point(region)  # a point inside that region
        if not any(point_in_shape(r.shape, *point) for r in q.regions if r.id in q.key):
            return {"points": [list(point)], "frame": frame}
    return {"points": [list(OUTSIDE_POINT)], "frame": frame}


def _caliper(q: Question, theta: float, rng: np.random.Generator) -> Any:
    key = q.caliper
    assert key is not None and key.endpoints is not None
    (x1, y1), (x2, y2) = key.endpoints
    sd = min(0.8, 0.25 * math.exp(-1.0 * (theta - DIFFICULTY.get(q.id, DEFAULT_B))))
    factor = 1.0 + float(rng.normal(0.0, sd)) / key.value
    return {"endpoints": [[x1, y1], [x1 + (x2 - x1) * factor, y1 + (y2 - y1) * factor]]}


def respond(
    case: Case, q: Question, theta: float, rng: np.random.Generator, planted: Planted | None
) -> Any:
    """One simulated candidate's response to one question."""
    if rng.random() < OMIT_RATE:
        return {}
    if q.type is QuestionType.SINGLE_BEST_ANSWER:
        return _sba(q, theta, rng, planted)
    if q.type is QuestionType.MULTIPLE_RESPONSE:
        return _mr(q, theta, rng)
    if q.type is QuestionType.ORDERING:
        return _ordering(q, theta, rng)
    if q.type is QuestionType.HOTSPOT:
        return _hotspot(q, theta, rng)
    return _caliper(q, theta, rng)


def script_for(
    case: Case,
    theta: float,
    rng: np.random.Generator,
    planted: Mapping[tuple[str, str], Planted],
) -> dict[str, Any]:
    responses = {
        q.id: respond(case, q, theta, rng, planted.get((case.meta.id, q.id)))
        for q in case.questions
    }
    elapsed: dict[str, float] = {}
    for step in case.steps:
        ids = [cp.id for cp in step.checkpoints] if step.type is StepType.SEGMENT else [step.id]
        for cp in ids:
            elapsed[cp] = round(15.0 + 50.0 * logistic(-theta) + float(rng.exponential(10.0)), 3)
    return {"responses": responses, "elapsed": elapsed}


@dataclass(frozen=True, slots=True)
class _Job:
    case_path: Path
    candidates: tuple[tuple[str, float], ...]
    out_dir: Path
    recipient: str
    seed: int
    planted: tuple[tuple[tuple[str, str], Planted], ...]


def _run_job(job: _Job) -> list[Path]:
    case = load_case(job.case_path)
    planted = dict(job.planted)
    written = []
    for candidate, theta in job.candidates:
        number = int(candidate.lstrip("C") or 0)
        rng = np.random.default_rng([job.seed, number, sum(case.meta.id.encode())])
        script = parse_script(script_for(case, theta, rng, planted), f"simulated {candidate}")
        clock = VirtualClock()
        journal = EncryptedJournal.create(
            recipient=job.recipient,
            case_id=case.meta.id,
            candidate_id=candidate,
            results_dir=job.out_dir,
            clock=clock,
        )
        try:
            simulate(case, script, journal, clock)
        finally:
            journal.close()
        written.append(journal.path)
    return written


def simulate_cohort(
    out_dir: Path,
    candidates: int,
    *,
    case_paths: Sequence[Path] | None = None,
    seed: int = 1,
    recipient: str | Path | None = None,
    planted: Mapping[tuple[str, str], Planted] | None = None,
    jobs: int = 1,
) -> list[Path]:
    """Write one result file per candidate and case into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    thetas = rng.normal(0.0, 1.0, candidates)
    people = tuple((f"C{i + 1:05d}", float(t)) for i, t in enumerate(thetas))
    paths = list(case_paths) if case_paths is not None else demo_cases()
    chosen = PLANTED if planted is None else planted
    target = str(recipient if recipient is not None else demo_board_recipient())
    per = max(1, math.ceil(len(people) / max(1, jobs)))
    work = [
        _Job(Path(p), people[i : i + per], out_dir, target, seed, tuple(chosen.items()))
        for p in paths
        for i in range(0, len(people), per)
    ]
    if jobs <= 1:
        return [path for job in work for path in _run_job(job)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [path for done in pool.map(_run_job, work) for path in done]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the result files")
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--recipient", help="board recipient (default: the demo board key)")
    parser.add_argument("--case", type=Path, action="append", help="case scripts (default: demos)")
    parser.add_argument("--no-planted", action="store_true", help="no bad items")
    args = parser.parse_args(argv)
    written = simulate_cohort(
        args.out,
        args.candidates,
        case_paths=args.case,
        seed=args.seed,
        recipient=args.recipient,
        planted={} if args.no_planted else None,
        jobs=args.jobs,
    )
    print(f"{len(written)} result files written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
