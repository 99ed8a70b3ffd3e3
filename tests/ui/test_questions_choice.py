"""Single best answer and multiple response widgets, driven by keyboard and by mouse."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from pocus_player.core import model as m
from pocus_player.core.errors import ResponseError
from pocus_player.core.scoring import score
from pocus_player.ui.questions import ChoiceQuestionWidget, create_question_widget
from tests.core import factories as f
from tests.ui.questions_support import keys, show


def click_row(qtbot, widget: ChoiceQuestionWidget, index: int) -> None:  # type: ignore[no-untyped-def]
    """Click on the option's text, far from the small radio button: the row is the target."""
    row = widget.rows[index]
    text = row.text
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=text.geometry().center() + QPoint(40, 0))


def sba_not_possible(tmp_path: Path) -> tuple[m.Question, m.Case]:
    """Three clinical options and "not possible", which is the key."""
    q = f.sba(
        key=m.NOT_POSSIBLE, options=("edema", "pneumonia", "contusion"), allow_not_possible=True
    )
    return q, f.make_case(tmp_path, (), (q,), ())


def test_sba_keyboard_only_scores_full_marks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = sba_not_possible(tmp_path)
    w = create_question_widget(q, case)
    assert isinstance(w, ChoiceQuestionWidget)
    show(qtbot, w)
    w.setFocus(Qt.FocusReason.TabFocusReason)
    assert w.rows[0].button.hasFocus()
    assert w.response() == {}

    with qtbot.waitSignal(w.changed):
        keys(qtbot, "2")
    assert w.response() == {"choice": "pneumonia"}
    keys(qtbot, "C")
    assert w.response() == {"choice": "contusion"}
    # Arrows move the focus only; Space chooses.
    keys(qtbot, Qt.Key.Key_Down)
    assert w.response() == {"choice": "contusion"}
    assert w.rows[3].button.hasFocus()
    keys(qtbot, Qt.Key.Key_Space)
    assert w.response() == {"choice": m.NOT_POSSIBLE}

    result = score(q, w.response())
    assert result.rule == "not_possible.correct"
    assert result.points == result.max_points == q.points


def test_sba_letter_and_enter_and_up(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = sba_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    w.setFocus()
    keys(qtbot, "d")
    assert w.response() == {"choice": m.NOT_POSSIBLE}
    keys(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Return)
    assert w.response() == {"choice": "pneumonia"}
    assert score(q, w.response()).rule == "sba.incorrect"


def test_sba_mouse_on_the_row_scores_full_marks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q = f.sba(key="or", options=("ct", "or", "repeat", "dpl"))
    case = f.make_case(tmp_path, (), (q,), ())
    w = show(qtbot, create_question_widget(q, case))
    with qtbot.waitSignal(w.changed):
        click_row(qtbot, w, 0)
    assert w.response() == {"choice": "ct"}
    click_row(qtbot, w, 1)
    assert w.response() == {"choice": "or"}
    # The radio button itself works too.
    qtbot.mouseClick(w.rows[2].button, Qt.MouseButton.LeftButton)
    assert w.response() == {"choice": "repeat"}
    click_row(qtbot, w, 1)
    assert score(q, w.response()).points == q.points


def tamponade(tmp_path: Path) -> tuple[m.Question, m.Case]:
    q = f.mr(
        key=("ra-collapse", "rv-collapse", "plethoric-ivc"),
        options=("ra-collapse", "rv-collapse", "plethoric-ivc", "small-ivc", "hyperdynamic"),
        scoring=m.ScoringRule.PARTIAL,
    )
    return q, f.make_case(tmp_path, (), (q,), ())


def test_mr_keyboard_scores_full_marks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = tamponade(tmp_path)  # key: the first three
    w = show(qtbot, create_question_widget(q, case))
    w.setFocus()
    keys(qtbot, "1", "b", "4")
    assert w.response() == {"choices": ["ra-collapse", "rv-collapse", "small-ivc"]}
    partial = score(q, w.response())
    assert partial.rule == "mr.partial" and 0 < partial.points < q.points
    keys(qtbot, "4")  # untick
    keys(qtbot, Qt.Key.Key_Up)  # focus on option C
    keys(qtbot, Qt.Key.Key_Space)
    assert w.response() == {"choices": ["ra-collapse", "rv-collapse", "plethoric-ivc"]}
    result = score(q, w.response())
    assert result.rule == "mr.correct" and result.points == q.points


def mr_with_not_possible(tmp_path: Path) -> tuple[m.Question, m.Case]:
    q = f.mr(key=("a", "c"), allow_not_possible=True)
    case = f.make_case(tmp_path, (), (q,), ())
    return q, case


def test_mr_not_possible_is_exclusive_by_keyboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = mr_with_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    not_possible = len(q.display_options)  # its number: the last one
    assert w.rows[-1].option.id == m.NOT_POSSIBLE
    w.setFocus()
    keys(qtbot, "a", "c")
    assert w.response() == {"choices": ["a", "c"]}
    keys(qtbot, str(not_possible))
    assert w.response() == {"choices": [m.NOT_POSSIBLE]}
    keys(qtbot, "a")
    assert w.response() == {"choices": ["a"]}
    keys(qtbot, "c")
    assert w.response() == {"choices": ["a", "c"]}
    assert score(q, w.response()).points == q.points


def test_mr_not_possible_is_exclusive_by_mouse(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = mr_with_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    click_row(qtbot, w, 0)
    click_row(qtbot, w, 2)
    assert w.response() == {"choices": ["a", "c"]}
    assert score(q, w.response()).points == q.points
    click_row(qtbot, w, len(w.rows) - 1)
    assert w.response() == {"choices": [m.NOT_POSSIBLE]}
    click_row(qtbot, w, len(w.rows) - 1)  # untick
    assert w.response() == {}


def test_not_possible_row_is_set_apart(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = mr_with_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    last = w.rows[-1]
    assert last.not_possible and last.text.font().italic()
    assert not w.rows[0].text.font().italic()
    letter = chr(ord("A") + len(w.rows) - 1)
    assert last.letter == letter and last.badge.text() == letter
    assert "clears the other options" in last.button.accessibleDescription()
    # A rule separates it from the authored options.
    assert last.y() - w.rows[-2].geometry().bottom() > 2 * (
        w.rows[1].y() - w.rows[0].geometry().bottom()
    )


def test_round_trip_and_restore_is_silent(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = mr_with_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    emitted = []
    w.changed.connect(lambda: emitted.append(1))
    for response in ({"choices": ["b", "d"]}, {"choices": [m.NOT_POSSIBLE]}, {}):
        w.set_response(response)
        assert w.response() == response
    assert emitted == []
    with pytest.raises(ResponseError, match="not an option"):
        w.set_response({"choices": ["zz"]})

    sba_q = f.sba(key="c")
    sba_w = show(qtbot, create_question_widget(sba_q, f.make_case(tmp_path, (), (sba_q,), ())))
    sba_w.set_response({"choice": "c"})
    assert sba_w.response() == {"choice": "c"}
    sba_w.set_response({"choice": "a"})
    assert sba_w.response() == {"choice": "a"}
    sba_w.set_response({})
    assert sba_w.response() == {}


def test_read_only_ignores_mouse_and_keys(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = sba_not_possible(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    w.set_response({"choice": "edema"})
    w.set_read_only(True)
    click_row(qtbot, w, 1)
    qtbot.mouseClick(w.rows[2].button, Qt.MouseButton.LeftButton)
    w.setFocus()
    keys(qtbot, "3", Qt.Key.Key_Down, Qt.Key.Key_Space)
    assert w.response() == {"choice": "edema"}
    w.set_read_only(False)
    keys(qtbot, "3")
    assert w.response() == {"choice": "contusion"}


def test_show_key_marks_correct_options_and_rationale(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q, case = tamponade(tmp_path)
    w = show(qtbot, create_question_widget(q, case))
    assert not any(r.key_tag.isVisible() for r in w.rows)
    w.set_show_key(True)
    tagged = [r.option.id for r in w.rows if r.key_tag.isVisible()]
    assert tagged == list(q.key)
    assert w._key_label.text() == (
        "Correct answers: A – Option ra-collapse; B – Option rv-collapse; C – Option plethoric-ivc"
    )
    assert w._key_label.isVisible()
    assert w._rationale.isVisible() and w._rationale.text() == f"Rationale: {q.rationale}"
    w.set_show_key(False)
    assert not w._key_label.isVisible() and not w._rationale.isVisible()


def test_many_options_keep_number_keys(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = tuple("abcdefgh")
    q = replace(f.sba(key="h", options=ids), allow_not_possible=True)
    w = show(qtbot, create_question_widget(q, f.make_case(tmp_path, (), (q,), ())))
    w.setFocus()
    keys(qtbot, "9")
    assert w.response() == {"choice": m.NOT_POSSIBLE}
    keys(qtbot, "8")
    assert w.response() == {"choice": "h"}
    assert "1–9 or A–I" in w._instructions.text()
