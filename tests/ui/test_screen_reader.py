"""What a screen reader is given, read through Qt's accessibility tree in the process.

Labels are heard with their text, descriptions carry no markup, one node at a
time reports the focus, the ordering grip is named, time warnings are announced,
check boxes grow with the text. (`test_atspi.py` reads the same from outside.)
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QWidget

from pocus_player.core.session import SessionState
from pocus_player.ui import accessibility, theme
from pocus_player.ui.accessibility import PrefixedLabel, plain_text
from pocus_player.ui.candidate_window import FeedbackPanel
from pocus_player.ui.questions import create_question_widget
from pocus_player.ui.time_notice import PAUSED, RESUMED, TIME_UP, TimeNotice, warning_for
from tests.ui.questions_support import demo_case, gray_image, show


def walk(iface: QAccessibleInterface | None, depth: int = 0) -> list[QAccessibleInterface]:
    if iface is None or not iface.isValid() or depth > 60:
        return []
    out = [iface]
    for i in range(iface.childCount()):
        out += walk(iface.child(i), depth + 1)
    return out


def focused_nodes(root: QWidget) -> list[str]:
    nodes = walk(QAccessible.queryAccessibleInterface(root))
    return [
        f"{type(n.object()).__name__} {n.text(QAccessible.Text.Name)!r}"
        for n in nodes
        if n.state().focused
    ]


def test_plain_text_drops_markup() -> None:
    html = "<p><b>Click on the free fluid</b><br>Correct: 1 of 1 points<br><i>Why &amp; how</i></p>"
    assert plain_text(html) == "Click on the free fluid Correct: 1 of 1 points Why & how"
    assert plain_text("no markup < here") == "no markup < here"


def test_a_prefixed_label_is_heard_with_its_text(qtbot: Any) -> None:
    label = PrefixedLabel("Receipt code")
    qtbot.addWidget(label)
    assert label.accessibleName() == "Receipt code"
    label.setText("K7Q2-9XF3")
    iface = QAccessible.queryAccessibleInterface(label)
    assert iface.text(QAccessible.Text.Name) == "Receipt code: K7Q2-9XF3"


@pytest.mark.parametrize(
    ("case", "question"),
    [
        ("fast-trauma", "q-fast-order"),
        ("cardiac-effusion", "q-effusion-hotspot"),
        ("cardiac-effusion", "q-ivc-caliper"),
        ("cardiac-effusion", None),  # the first choice question
    ],
)
def test_only_the_control_reports_the_focus(qtbot: Any, case: str, question: str | None) -> None:
    c = demo_case(case)
    questions = list(c.questions)
    q = (
        next(q for q in questions if q.id == question)
        if question
        else next(q for q in questions if q.type.value == "single_best_answer")
    )
    w = show(qtbot, create_question_widget(q, c, gray_image()))
    w.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert w.focus_target() is QApplication.focusWidget()
    assert len(focused_nodes(w)) == 1, focused_nodes(w)


def test_ordering_names_its_grip_and_status(qtbot: Any) -> None:
    c = demo_case("fast-trauma")
    q = next(q for q in c.questions if q.type.value == "ordering")
    w = show(qtbot, create_question_widget(q, c))
    names = [n.text(QAccessible.Text.Name) for n in walk(QAccessible.queryAccessibleInterface(w))]
    assert "⠿" not in names
    assert all(r.grip.accessibleName() == "Drag to reorder" for r in w.list.rows)
    assert w._status.accessibleName() == f"Order status: {w._status.text()}"
    assert w._status.text()


def test_hotspot_describes_its_markers(qtbot: Any) -> None:
    c = demo_case("cardiac-effusion")
    q = next(q for q in c.questions if q.type.value == "hotspot")
    w = show(qtbot, create_question_widget(q, c, gray_image()))
    w.canvas.place((40, 30))
    w.canvas._changed()  # what a click or Enter does after placing
    iface = QAccessible.queryAccessibleInterface(w.canvas)
    assert "Marker 1 at 40, 30 pixels" in iface.text(QAccessible.Text.Description)
    assert w._status.accessibleName().startswith("Marker status: Marker 1 at 40, 30")


def test_the_application_is_named(qapp: QApplication) -> None:
    accessibility.name_application(qapp)
    iface = QAccessible.queryAccessibleInterface(qapp)
    assert iface.text(QAccessible.Text.Name) == "pocus-player"
    assert iface.text(QAccessible.Text.Description) == accessibility.APP_DESCRIPTION


def test_indicators_grow_with_the_text() -> None:
    assert "width: 16px" in theme.indicator_rule(1.0)
    assert "width: 32px" in theme.indicator_rule(2.0)


def indicator_side(box: QCheckBox) -> int:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).height()


def test_a_check_box_indicator_is_twice_as_large_at_200_percent(qtbot: Any, qapp: Any) -> None:
    sides = []
    try:
        for scale in (1.0, 2.0):
            theme.apply(qapp, scale=scale)
            box = QCheckBox("Large text")
            qtbot.addWidget(box)
            box.show()
            sides.append(indicator_side(box))
    finally:
        qapp.setStyleSheet("")
    assert sides == [16, 32]


# -- time warnings ---------------------------------------------------------------


def test_warnings_come_once_as_the_clock_crosses_them() -> None:
    assert warning_for(None, 299) is None  # a case that starts short is not warned
    assert warning_for(301, 299) == "5 minutes left"
    assert warning_for(299, 298) is None
    assert warning_for(61, 59.5) == "1 minute left"
    assert warning_for(400, 30) == "1 minute left"  # the nearer one wins
    assert warning_for(59, 70) is None  # time added


class FakeSession:
    def __init__(self) -> None:
        self.state = SessionState.PLAYING_SEGMENT


class FakeController(QObject):
    timeChanged = Signal()
    phaseChanged = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.session = FakeSession()
        self.left = 302.0

    def time_remaining(self) -> float:
        return self.left


def test_time_notice_shows_and_announces(qtbot: Any) -> None:
    c = FakeController()
    notice = TimeNotice(c)  # type: ignore[arg-type]
    qtbot.addWidget(notice)
    heard: list[str] = []
    notice.announced.connect(heard.append)
    c.timeChanged.emit()
    c.left = 299.0
    c.timeChanged.emit()
    assert notice.isVisibleTo(notice.parentWidget() or notice) or notice.text()
    assert notice.text() == "5 minutes left"
    assert notice.accessibleName() == "Time notice: 5 minutes left"
    c.session.state = SessionState.PAUSED_BY_PROCTOR
    c.phaseChanged.emit("paused")
    c.session.state = SessionState.AT_CHECKPOINT
    c.phaseChanged.emit("checkpoint")
    c.left = 59.0
    c.timeChanged.emit()
    c.session.state = SessionState.TIME_EXPIRED
    c.left = 0.0
    c.phaseChanged.emit("case_done")
    assert heard == ["5 minutes left", PAUSED, RESUMED, "1 minute left", TIME_UP]


def test_announcements_reach_qt_when_accessibility_is_on(qtbot: Any, monkeypatch: Any) -> None:
    sent: list[Any] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(sent.append))
    label = PrefixedLabel("Time notice")
    qtbot.addWidget(label)
    accessibility.announce(label, "1 minute left")
    assert len(sent) == 1
    if accessibility.has_announcement_event():
        assert sent[0].message() == "1 minute left"


def test_feedback_description_is_plain_text(qtbot: Any) -> None:
    c = demo_case("cardiac-effusion")
    q = next(q for q in c.questions if q.type.value == "single_best_answer")
    result = SimpleNamespace(points=1.0, max_points=1.0)
    fb = SimpleNamespace(question_id=q.id, result=result, key=q.key, rationale="Because <so>.")
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    outcome: Any = SimpleNamespace(feedback=[fb])
    panel.show_outcome(outcome, {q.id: q}, {q.id: {"choice": q.key[0]}})
    description = panel.body.accessibleDescription()
    assert "<p>" not in description and "<b>" not in description
    assert description.startswith(f"{q.stem} Correct: 1 of 1 points")
    assert description.endswith("Because <so>.")


def test_the_time_notice_is_short_on_screen_and_whole_to_the_reader(qtbot: Any) -> None:
    notice = TimeNotice(FakeController())  # type: ignore[arg-type]
    qtbot.addWidget(notice)
    notice.show_message(RESUMED)
    assert notice.text() == "Exam resumed"
    assert notice.accessibleName() == f"Time notice: {RESUMED}"
    assert notice.toolTip() == RESUMED
    assert notice.minimumSizeHint().width() <= notice.fontMetrics().averageCharWidth() * 8
    notice.show_message(PAUSED)  # the pause cover says it: announced, not repeated above
    assert notice.isHidden() and not notice.text()


def test_a_notice_is_cleared_when_the_case_ends(qtbot: Any) -> None:
    """"Exam resumed" shown just before the last submission does not linger on the end screen."""
    c = FakeController()
    notice = TimeNotice(c)  # type: ignore[arg-type]
    qtbot.addWidget(notice)
    c.timeChanged.emit()
    c.session.state = SessionState.PAUSED_BY_PROCTOR
    c.phaseChanged.emit("paused")
    c.session.state = SessionState.AT_CHECKPOINT
    c.phaseChanged.emit("checkpoint")
    assert notice.text() == "Exam resumed"
    c.session.state = SessionState.FINISHED
    c.phaseChanged.emit("case_done")
    assert notice.isHidden() and not notice.text()
