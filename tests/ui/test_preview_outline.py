"""The preview's case map widgets: the outline tree, the branch graph and the coverage view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from pocus_player.core.case_map import (
    Coverage,
    OutlineTarget,
)
from pocus_player.core.loader import load_case_text
from pocus_player.ui.case_outline import BranchGraph, CaseOutline, CoverageView
from tests.core.test_lint import FIXTURE, FIXTURE_PATH


@pytest.fixture(scope="module")
def fast():  # type: ignore[no-untyped-def]
    return load_case_text(FIXTURE, FIXTURE_PATH)


def test_outline_lists_the_case_and_activates_targets(qtbot, fast) -> None:  # type: ignore[no-untyped-def]
    outline = CaseOutline()
    qtbot.addWidget(outline)
    outline.set_case(fast)
    outline.show()
    texts = [i.text(0) for i in outline.items()]
    assert texts[:3] == ["intro · segment", "cp-plan at 00:04.000", texts[2]]
    assert texts[2].startswith("q-order · ordering · 1 pt")
    assert "cp-vitals at frame 150" in texts  # no probe here: the frame rate is unknown
    assert "→ focused: unstable patient" in texts
    assert "→ full: otherwise" in texts
    item = outline.item_for(OutlineTarget("encounter", "cp-vitals"))
    assert item is not None
    outline.setCurrentItem(item)
    with qtbot.waitSignal(outline.targetActivated) as blocker:
        qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert blocker.args == [OutlineTarget("encounter", "cp-vitals")]
    cov = Coverage()
    cov.checkpoints.add("cp-vitals")
    outline.set_coverage(cov)
    assert item.text(1) == "✓"
    assert outline.item_for(OutlineTarget("intro", "cp-plan")).text(1) == ""  # type: ignore[union-attr]


def test_branch_graph_clicks_and_draws(qtbot, fast) -> None:  # type: ignore[no-untyped-def]
    graph = BranchGraph()
    qtbot.addWidget(graph)
    graph.set_case(fast)
    graph.resize(graph.sizeHint())
    graph.show()
    qtbot.waitExposed(graph)
    rect = graph.node_rect("focused")
    assert rect is not None
    with qtbot.waitSignal(graph.stepClicked) as blocker:
        qtbot.mouseClick(graph, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == ["focused"]
    with qtbot.assertNotEmitted(graph.stepClicked):
        qtbot.mouseClick(graph, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
    # Rows go down the page; the two alternatives share a row.
    assert graph.node_rect("full").top() == rect.top()  # type: ignore[union-attr]
    assert graph.node_rect("still").top() > rect.bottom()  # type: ignore[union-attr]
    # A visited step is filled: its centre is no longer the base colour.
    before = graph.grab().toImage().pixelColor(rect.center().toPoint() + QPoint(0, 14))
    cov = Coverage()
    cov.take_edge("encounter", "focused")
    graph.set_coverage(cov)
    after = graph.grab().toImage().pixelColor(rect.center().toPoint() + QPoint(0, 14))
    assert before != after


def test_coverage_view_lists_what_is_missing(qtbot, fast) -> None:  # type: ignore[no-untyped-def]
    view = CoverageView()
    qtbot.addWidget(view)
    cov = Coverage()
    cov.take_edge("intro", "encounter")
    view.update_from(fast, cov)
    assert "Steps: 2 of 5" in view.summary_text() and "Branches: 1 of 6" in view.summary_text()
    missing = [view.missing.item(i).text() for i in range(view.missing.count())]
    assert "step full" in missing
    assert "branch intro → encounter" not in missing
    assert "branch still → the end" in missing
