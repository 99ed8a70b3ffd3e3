"""Ordering widget: authored starting order, keyboard moves, drag and drop, move buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from pocus_player.core import model as m
from pocus_player.core.errors import ResponseError
from pocus_player.core.scoring import score
from pocus_player.ui.questions import OrderingQuestionWidget, create_question_widget
from tests.core import factories as f
from tests.ui.questions_support import keys, show

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def make(tmp_path: Path, **kw: object) -> tuple[m.Question, m.Case]:
    # Authored options a, b, c, d; the key is a different order.
    q = f.ordering(key=("c", "a", "d", "b"), options=f.opts("a", "b", "c", "d"), **kw)
    return q, f.make_case(tmp_path, (), (q,), ())


def test_starts_in_authored_order_and_is_unanswered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = create_question_widget(q, case)
    assert isinstance(w, OrderingQuestionWidget)
    show(qtbot, w)
    assert w.order() == ["a", "b", "c", "d"]
    assert w.order() != list(q.key)
    assert w.response() == {}
    assert [r.number.text() for r in w.list.rows] == ["1.", "2.", "3.", "4."]
    assert w.list.rows[0].accessibleName() == "Position 1 of 4: Option a"


def test_keyboard_only_reaches_the_key(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    w.setFocus(Qt.FocusReason.TabFocusReason)
    assert w.list.rows[0].hasFocus()
    keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down)  # focus on "c"
    with qtbot.waitSignal(w.changed):
        keys(qtbot, (Qt.Key.Key_Up, ALT))
    assert w.response() == {"order": ["a", "c", "b", "d"]}
    keys(qtbot, (Qt.Key.Key_Up, CTRL))
    assert w.order() == ["c", "a", "b", "d"]
    assert "position 1 of 4" in w._status.text()
    # The moved item keeps the focus; go down to "d" and lift it above "b".
    keys(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, (Qt.Key.Key_Up, ALT))
    assert w.response() == {"order": list(q.key)}
    assert w.list.rows[2].hasFocus() and w.list.rows[2].accessibleName().startswith("Position 3")
    result = score(q, w.response())
    assert result.rule == "ordering.exact" and result.points == q.points
    # Moving past either end does nothing.
    keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Up, (Qt.Key.Key_Up, ALT))
    assert w.order() == list(q.key)


def test_drag_and_drop_by_mouse(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    rows = w.list.rows

    def drag(row_index: int, to_y_in_list: int) -> None:
        row = w.list.rows[row_index]
        start = QPoint(row.width() // 2, row.height() // 2)
        qtbot.mousePress(row, Qt.MouseButton.LeftButton, pos=start)
        for step in (1, 2, 3):
            target_list = QPoint(
                start.x(),
                round(row.y() + start.y() + (to_y_in_list - row.y() - start.y()) * step / 3),
            )
            qtbot.mouseMove(row, row.mapFrom(w.list, target_list))
        qtbot.mouseRelease(
            row, Qt.MouseButton.LeftButton, pos=row.mapFrom(w.list, QPoint(start.x(), to_y_in_list))
        )

    # Drag "c" above "a" (to the top).
    with qtbot.waitSignal(w.changed):
        drag(2, rows[0].y() + 3)
    assert w.order() == ["c", "a", "b", "d"]
    # Drag "d" just above "b".
    rows = w.list.rows
    drag(3, rows[2].y() + 3)
    assert w.response() == {"order": list(q.key)}
    assert score(q, w.response()).points == q.points


def test_move_buttons_by_mouse(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    assert not w._up.isEnabled()  # the first item is selected
    qtbot.mouseClick(w.list.rows[2], Qt.MouseButton.LeftButton)  # select "c"
    qtbot.mouseClick(w._up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w._up, Qt.MouseButton.LeftButton)
    assert w.order() == ["c", "a", "b", "d"]
    assert not w._up.isEnabled()
    qtbot.mouseClick(w.list.rows[3], Qt.MouseButton.LeftButton)  # select "d"
    qtbot.mouseClick(w._up, Qt.MouseButton.LeftButton)
    assert w.response() == {"order": list(q.key)}
    assert score(q, w.response()).points == q.points


def test_keep_this_order_answers_without_moving(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    authored = [o.id for o in q.options]
    assert w.order() == authored and w.response() == {}
    assert w._keep.isVisible()
    with qtbot.waitSignal(w.changed):
        qtbot.mouseClick(w._keep, Qt.MouseButton.LeftButton)
    assert w.response() == {"order": authored}
    assert not w._keep.isVisible()
    assert score(q, w.response()).max_points == q.points


def test_round_trip_read_only_and_key(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = make(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    emitted = []
    w.changed.connect(lambda: emitted.append(1))
    w.set_response({"order": ["d", "c", "b", "a"]})
    assert w.response() == {"order": ["d", "c", "b", "a"]}
    assert [r.option.id for r in w.list.rows] == ["d", "c", "b", "a"]
    # Shown in that order at once, with matching numbers.
    tops = [r.y() for r in w.list.rows]
    assert tops == sorted(tops)
    assert [r.number.text() for r in w.list.rows] == ["1.", "2.", "3.", "4."]
    w.set_response({})
    assert w.response() == {} and w.order() == ["a", "b", "c", "d"]
    assert emitted == []
    with pytest.raises(ResponseError, match="every option exactly once"):
        w.set_response({"order": ["a", "b"]})

    w.set_response({"order": ["b", "a", "c", "d"]})
    w.set_read_only(True)
    w.list.rows[0].setFocus()
    keys(qtbot, (Qt.Key.Key_Down, ALT))
    assert w.order() == ["b", "a", "c", "d"]
    assert not w._up.isEnabled() and not w._down.isEnabled()

    w.set_show_key(True)
    assert w._key_label.text().splitlines() == [
        "Correct order:",
        "1. Option c",
        "2. Option a",
        "3. Option d",
        "4. Option b",
    ]
    assert w._rationale.isVisible()
