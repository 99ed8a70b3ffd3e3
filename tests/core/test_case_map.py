"""A case's branch edges and rows, a preview's coverage, checkpoint and time labels (no Qt)."""

from __future__ import annotations

import pytest

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.case_map import (
    Coverage,
    checkpoint_label,
    graph_edges,
    graph_layers,
)
from pocus_player.core.loader import load_case_text
from pocus_player.core.model import END
from pocus_player.core.timecode import format_time
from tests.core.test_lint import FIXTURE, FIXTURE_PATH


@pytest.fixture(scope="module")
def fast():  # type: ignore[no-untyped-def]
    return load_case_text(FIXTURE, FIXTURE_PATH)


def test_edges_follow_the_engine_order(fast) -> None:  # type: ignore[no-untyped-def]
    edges = [(e.src, e.dst, e.kind) for e in graph_edges(fast)]
    assert edges == [
        ("intro", "encounter", "following"),
        ("encounter", "focused", "rule"),
        ("encounter", "full", "default"),
        ("full", "still", "default"),
        ("focused", "still", "following"),
        ("still", END, "following"),
    ]
    rule = next(e for e in graph_edges(fast) if e.kind == "rule")
    assert rule.label == "unstable patient" and rule.rule_index == 0


def test_rows_put_every_branch_downwards(fast) -> None:  # type: ignore[no-untyped-def]
    layers = graph_layers(fast)
    assert layers == {"intro": 0, "encounter": 1, "full": 2, "focused": 2, "still": 3, END: 4}
    for e in graph_edges(fast):
        assert layers[e.dst] > layers[e.src]


def test_coverage_counts_and_survives_edits(fast) -> None:  # type: ignore[no-untyped-def]
    cov = Coverage()
    cov.take_edge("intro", "encounter")
    cov.take_edge("encounter", "focused")
    cov.checkpoints.add("cp-plan")
    cov.questions.update({"q-order", "gone-question"})
    s = cov.summary(fast)
    assert s == {"steps": (3, 5), "checkpoints": (1, 2), "questions": (1, 6), "branches": (2, 6)}
    cov.steps.add("deleted-step")
    cov.restrict_to(fast)
    assert "deleted-step" not in cov.steps and "gone-question" not in cov.questions


def test_time_labels() -> None:
    assert format_time(9.0) == "00:09.000"
    assert format_time(75.25) == "01:15.250"
    from pocus_player.core.model import Checkpoint

    assert checkpoint_label(Checkpoint("a", 9.0, None, ()), FrameTimeline(30.0)) == "00:09.000 (frame 270)"
    assert checkpoint_label(Checkpoint("b", None, 15, ()), FrameTimeline(30.0)) == "frame 15 (00:00.500)"
    assert checkpoint_label(Checkpoint("c", 20.0, None, ()), None) == "00:20.000"
