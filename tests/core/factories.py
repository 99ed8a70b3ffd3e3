"""Builders for case model objects in engine tests (no YAML, no loader)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pocus_player.core import model as m

DOMAINS = (
    m.Domain("acquisition", "Image acquisition"),
    m.Domain("interpretation", "Image interpretation"),
    m.Domain("integration", "Clinical integration"),
)


def opts(*ids: str) -> tuple[m.Option, ...]:
    return tuple(m.Option(i, f"Option {i}") for i in ids)


def sba(
    qid: str = "q_sba",
    key: str = "b",
    options: tuple[str, ...] = ("a", "b", "c", "d"),
    **kw: object,
) -> m.Question:
    base = m.Question(
        qid,
        m.QuestionType.SINGLE_BEST_ANSWER,
        "Which one?",
        1.0,
        "interpretation",
        "Because.",
        options=opts(*options),
        key=(key,),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def mr(
    qid: str = "q_mr",
    key: tuple[str, ...] = ("a", "c"),
    options: tuple[str, ...] = ("a", "b", "c", "d", "e"),
    **kw: object,
) -> m.Question:
    base = m.Question(
        qid,
        m.QuestionType.MULTIPLE_RESPONSE,
        "Which ones?",
        2.0,
        "interpretation",
        "Because.",
        options=opts(*options),
        key=key,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def ordering(
    qid: str = "q_order", key: tuple[str, ...] = ("v1", "v2", "v3", "v4"), **kw: object
) -> m.Question:
    base = m.Question(
        qid,
        m.QuestionType.ORDERING,
        "Put in order",
        3.0,
        "acquisition",
        "Standard sequence.",
        options=opts(*sorted(key)),
        key=key,
        scoring=m.ScoringRule.PARTIAL,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def hotspot(
    qid: str = "q_spot",
    regions: tuple[m.Region, ...] | None = None,
    key: tuple[str, ...] = ("fluid",),
    **kw: object,
) -> m.Question:
    if regions is None:
        regions = (
            m.Region("fluid", m.Rect(100, 100, 50, 20)),
            m.Region("kidney", m.Circle(300, 200, 40)),
        )
    base = m.Question(
        qid,
        m.QuestionType.HOTSPOT,
        "Mark the free fluid",
        1.0,
        "interpretation",
        "Morison's pouch.",
        regions=regions,
        key=key,
        image=m.ImageRef("still_ruq"),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def caliper(
    qid: str = "q_cal", value: float = 2.0, tolerance: float = 0.2, **kw: object
) -> m.Question:
    key = m.CaliperKey(
        value=value,
        unit="cm",
        tolerance=tolerance,
        decimals=1,
        endpoints=((100.0, 100.0), (100.0, 260.0)),
    )
    base = m.Question(
        qid,
        m.QuestionType.CALIPER,
        "Measure the IVC",
        1.0,
        "acquisition",
        "Measure 2 cm from the RA junction.",
        image=m.ImageRef("still_ivc"),
        caliper=key,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


CAL = m.Calibration(x_cm_per_pixel=0.0125, y_cm_per_pixel=0.0125)  # 80 px per cm


def media_item(root: Path, mid: str, kind: m.MediaKind, **kw: object) -> m.MediaItem:
    suffix = ".png" if kind in (m.MediaKind.STILL,) else ".mp4"
    path = root / f"{mid}{suffix}"
    path.write_bytes(f"demo bytes of {mid}".encode())
    item = m.MediaItem(mid, kind, path, title=mid)
    return replace(item, **kw)  # type: ignore[arg-type]


def make_case(
    root: Path,
    steps: tuple[m.Step, ...],
    questions: tuple[m.Question, ...],
    media: tuple[m.MediaItem, ...],
    *,
    settings: m.Settings | None = None,
    initial_state: tuple[tuple[str, str], ...] = (),
    case_id: str = "test-case",
) -> m.Case:
    source = root / f"{case_id}.yaml"
    source.write_text(f"case: {case_id}\n", encoding="utf-8")
    meta = m.CaseMeta(
        case_id, "Test case", m.ClinicalArea.TRAUMA_FAST, "1.0", ("Author",), 10.0, DOMAINS
    )
    return m.Case(
        1,
        meta,
        settings or m.Settings(time_limit_s=600.0),
        media,
        steps,
        questions,
        source,
        root,
        initial_state,
    )


def branching_case(root: Path, **settings_kw: object) -> m.Case:
    """A small FAST-like case with every step type and both branches.

    scan (segment on cine_ruq): cp_fluid asks q_fluid (SBA yes/no/not_possible),
    cp_spot asks q_spot (hotspot). Then: fluid "yes" or hypotension -> unstable, else stable.
    unstable (questions, sets shock): q_next (MR) -> end.
    stable (review of cine_lung): q_order (ordering) then q_cal (caliper on still_ivc) -> end.
    """
    media = (
        media_item(root, "cine_ruq", m.MediaKind.CINE, frame_rate=30.0, replay_limit=1),
        media_item(root, "cine_lung", m.MediaKind.CINE, frame_rate=25.0),
        media_item(root, "still_ruq", m.MediaKind.STILL, width=640, height=480),
        media_item(root, "still_ivc", m.MediaKind.STILL, width=640, height=480, calibration=CAL),
    )
    q_fluid = replace(
        sba("q_fluid", key="yes", options=("yes", "no")),
        allow_not_possible=True,
        options=(
            m.Option("yes", "Free fluid", sets_state=(("fluid", "present"),)),
            m.Option("no", "No free fluid"),
        ),
        domain="interpretation",
    )
    questions = (
        q_fluid,
        hotspot("q_spot"),
        mr("q_next", key=("a", "c"), domain="integration", scoring=m.ScoringRule.PARTIAL),
        ordering("q_order"),
        caliper("q_cal"),
    )
    steps = (
        m.Step(
            "scan",
            m.StepType.SEGMENT,
            "RUQ scan",
            media="cine_ruq",
            checkpoints=(
                m.Checkpoint("cp_fluid", time_s=2.0, frame=None, questions=("q_fluid",)),
                m.Checkpoint("cp_spot", time_s=None, frame=120, questions=("q_spot",)),
            ),
            next=m.Next(
                rules=(
                    m.BranchRule(
                        (m.Condition(question="q_fluid", selected_any=("yes",)),),
                        "unstable",
                        "fluid seen",
                    ),
                    m.BranchRule((m.Condition(state=(("bp", "low"),)),), "unstable", "hypotension"),
                ),
                default="stable",
            ),
        ),
        m.Step(
            "unstable",
            m.StepType.QUESTIONS,
            "Unstable",
            questions=("q_next",),
            sets_state=(("shock", "yes"),),
            next=m.Next(default=m.END),
        ),
        m.Step(
            "stable",
            m.StepType.REVIEW,
            "Stable",
            clips=("cine_lung",),
            questions=("q_order", "q_cal"),
        ),
    )
    settings = m.Settings(time_limit_s=600.0)
    settings = replace(settings, **settings_kw)  # type: ignore[arg-type]
    return make_case(root, steps, questions, media, settings=settings)
