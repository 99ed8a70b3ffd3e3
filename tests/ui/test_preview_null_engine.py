"""The preview's follow mode and jumps over the null engine: the case's logic, no pictures decoded.

The media plays on the null engine's virtual clock, so these tests move time
by hand; the real engine's version of each is in test_preview_window.py.
"""

from __future__ import annotations

from pathlib import Path

from pocus_player.core.case_map import OutlineTarget
from pocus_player.media.engine_api import State
from pocus_player.media.null_engine import NullEngine
from pocus_player.ui.preview_window import PreviewWindow
from tests.core.test_lint import ManifestProbe, content_copy


def open_preview(qtbot, tmp_path: Path) -> tuple[PreviewWindow, NullEngine]:  # type: ignore[no-untyped-def]
    probe = ManifestProbe()
    engine = NullEngine(probe)
    window = PreviewWindow(content_copy(tmp_path), probe=probe, engine=engine, watch=False)
    qtbot.addWidget(window)
    return window, engine


def test_following_plays_the_narration_to_its_checkpoint_on_the_virtual_clock(
    qtbot, tmp_path: Path
) -> None:
    window, engine = open_preview(qtbot, tmp_path)
    window.start_follow()
    assert "playing intro to checkpoint cp-plan" in window.follow_label.text()
    qtbot.waitUntil(lambda: engine.state is State.PLAYING, timeout=2000)
    assert window.question_widgets() == {}
    engine.advance(3.9)
    assert window.question_widgets() == {}  # the checkpoint is at 4 s
    with qtbot.waitSignal(window.followChanged, timeout=2000):
        engine.advance(0.2)
    assert list(window.question_widgets()) == ["q-order"]
    assert engine.state is State.CHECKPOINT and engine.position_ms() == 4000
    window.answer_with_key()
    assert [r.rule for r in window.check_answers()] == ["ordering.exact"]
    window.check_answers()  # "Continue": the narration plays on to its end
    assert "playing intro to its end" in window.follow_label.text()
    assert engine.state is State.PLAYING
    with qtbot.waitSignal(window.followChanged, timeout=2000) as blocker:
        engine.advance(60)
    assert "playing encounter to checkpoint cp-vitals" in blocker.args[0]


def test_a_jump_to_a_checkpoint_lands_on_its_frame(qtbot, tmp_path: Path) -> None:
    window, engine = open_preview(qtbot, tmp_path)
    # a clip with sound is played to the frame (muted): on the virtual clock here
    with qtbot.waitSignal(
        window.positionSettled, timeout=2000, check_params_cb=lambda frame, _ms: frame >= 0
    ) as blocker:
        window.go_to(OutlineTarget("encounter", "cp-vitals"))
        qtbot.waitUntil(lambda: engine.state is State.PLAYING, timeout=2000)
        assert engine.volume() == 0  # the author asked to jump, not to listen on the way
        engine.advance(6.0)
    assert blocker.args == [150, engine.frame_to_ms(150)]
    assert engine.current_frame == 150 and engine.state is State.CHECKPOINT
    assert engine.volume() == 100
    assert list(window.question_widgets()) == ["q-stability"]
