"""The media widget: letterboxing, coordinate mapping, the audio poster, frozen frames, native video."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from pocus_player.core.model import Checkpoint, MediaItem, MediaKind
from pocus_player.media.engine import MediaEngine, State
from pocus_player.ui.media_widget import MediaWidget, Mode
from tests.media import media_fixtures as _fixtures
from tests.media.media_fixtures import pattern_number, qimage_array

# The media fixtures, shared with tests/media (they mark these tests `media`).
vlc_instance = _fixtures.vlc_instance
media_engine = _fixtures.media_engine
media_files = _fixtures.media_files


def grab(widget: MediaWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_still_is_letterboxed_and_maps_coordinates(qtbot, media_files):
    w = MediaWidget()
    qtbot.addWidget(w)
    w.resize(400, 400)
    w.show_image(media_files["jpeg"])  # 640 x 120
    assert w.mode == Mode.IMAGE
    rect = w.image_rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (0.0, 162.5, 400.0, 75.0)
    assert w.widget_to_source(QPointF(200, 200)) == QPointF(320, 60)
    assert w.widget_to_source(QPointF(200, 100)) is None  # in the black bar
    p = w.source_to_widget(QPointF(64, 12))
    assert (p.x(), p.y()) == pytest.approx((40.0, 170.0))
    back = w.widget_to_source(p)
    assert (back.x(), back.y()) == pytest.approx((64.0, 12.0))
    assert w.source_scale() == pytest.approx(0.625)
    w.resize(800, 150)  # now pillarboxed: height limits
    rect = w.image_rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (0.0, 0.0, 800.0, 150.0)
    w.resize(1000, 150)
    assert w.image_rect().x() == pytest.approx(100.0)


def test_still_paints_sharply_with_black_bars(qtbot, media_files):
    w = MediaWidget()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    w.show_image(media_files["png"])  # 300 x 200, upscaled x3
    img = grab(w)
    assert QColor(img.pixel(5, 300)) == QColor(0, 0, 0) or w.image_rect().x() == 0
    src = QImage(str(media_files["png"])).convertToFormat(QImage.Format.Format_RGB32)
    # sample the centre of source pixels: painted colour equals the source colour
    diffs = []
    for sx, sy in [(10, 10), (150, 100), (290, 190), (75, 150)]:
        p = w.source_to_widget(QPointF(sx + 0.5, sy + 0.5))
        a, b = QColor(img.pixel(int(p.x()), int(p.y()))), QColor(src.pixel(sx, sy))
        diffs.append(
            max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
        )
    assert max(diffs) <= 40, diffs
    assert w.current_frame().size() == src.size()


def test_an_empty_area_says_what_will_appear_in_it(qtbot, media_files):
    w = MediaWidget()
    qtbot.addWidget(w)
    w.resize(640, 480)
    w.show()
    w.clear("The clips play here.")
    assert w.mode is Mode.EMPTY and w.empty_message == "The clips play here."
    img = grab(w)
    # Not a black box: the poster background, with light text somewhere in the middle row.
    assert QColor(img.pixel(5, 5)) != QColor(0, 0, 0)
    row = [QColor(img.pixel(x, 240)).lightness() for x in range(0, 640, 2)]
    assert max(row) - min(row) > 100
    w.show_image(media_files["png"])
    assert w.empty_message == ""
    w.clear()
    assert QColor(grab(w).pixel(5, 5)) == QColor(0, 0, 0)


def test_narration_shows_a_speaker_poster_not_a_black_box(qtbot, media_engine, media_files):
    w = MediaWidget(media_engine)
    qtbot.addWidget(w)
    w.resize(480, 360)
    w.show()
    item = MediaItem(
        id="n1",
        kind=MediaKind.NARRATION,
        file=media_files["narration"],
        title="History from the paramedic",
        narrator="Dr A. Okafor",
    )
    with qtbot.waitSignal(media_engine.media_loaded, timeout=10_000):
        w.show_media_item(item)
    assert w.mode == Mode.AUDIO
    assert w.poster_text == ("Dr A. Okafor", "History from the paramedic")
    img = qimage_array(grab(w))
    assert img[..., :3].mean() > 25  # not black
    # light text drawn on the dark panel
    assert (img[..., :3].min(axis=2) > 200).sum() > 500
    assert w.current_frame() is None


def test_video_frame_is_painted_and_frozen_on_the_checkpoint(qtbot, media_engine, media_files):
    w = MediaWidget(media_engine)
    qtbot.addWidget(w)
    w.resize(640, 480)
    w.show()
    positions: list[int] = []
    w.position_changed.connect(positions.append)
    item = MediaItem(id="v", kind=MediaKind.CINE, file=media_files["pattern30"])
    cp = Checkpoint("c1", time_s=None, frame=57, questions=("q",))
    with qtbot.waitSignal(media_engine.checkpoint_reached, timeout=10_000):
        w.show_media_item(item, checkpoints=(cp,))
    assert w.mode == Mode.VIDEO
    assert pattern_number(qimage_array(w.current_frame())) == 57
    assert positions[-1] == 1900
    assert w.source_size().width() == 320
    qtbot.wait(50)
    shot = qimage_array(grab(w))
    # the painted picture (scaled x2) shows the same frame number blocks
    rect = w.image_rect()
    scale = rect.width() / 320
    row = int(rect.y() + 20 * scale)
    bits = [shot[row, int(rect.x() + (b * 20 + 10) * scale), 1] > 128 for b in range(16)]
    assert sum(1 << b for b, on in enumerate(bits) if on) == 57
    assert media_engine.state == State.CHECKPOINT


def test_native_window_embedding_plays_in_a_child_window(qtbot, vlc_instance, media_files):
    engine = MediaEngine(vlc_instance, audio_output="adummy", render="native")
    try:
        w = MediaWidget(engine)
        qtbot.addWidget(w)
        w.resize(400, 300)
        w.show()
        qtbot.waitExposed(w)
        with qtbot.waitSignal(engine.media_loaded, timeout=10_000):
            w.play_file(media_files["pattern30"])
        surface = w.native_surface
        assert surface is not None and surface.isVisible()
        assert surface.bound_id == int(surface.winId()) != 0
        qtbot.waitUntil(lambda: engine.vlc_player.get_time() > 300, timeout=10_000)
        assert engine.vlc_player.video_get_size(0) == (320, 240)
        assert engine.vlc_player.get_xwindow() == surface.bound_id
    finally:
        engine.close()


def test_unreadable_image_is_one_clear_error(qtbot, tmp_path: Path):
    w = MediaWidget()
    qtbot.addWidget(w)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ValueError, match="cannot read image"):
        w.show_image(bad)
    assert np.isscalar(w.source_scale())


def test_a_long_narrator_name_is_set_to_fit_the_poster(qtbot) -> None:
    """At large text a narrator's name wider than the poster is set smaller, then cut, never
    painted past the poster's edges."""
    from PySide6.QtGui import QFont, QFontMetrics

    from pocus_player.ui.media_widget import fit_line

    font = QFont()
    font.setPixelSize(40)
    name = "Emergency department attending physician"
    room = QFontMetrics(font).horizontalAdvance(name) * 6 // 10
    fitted, shown = fit_line(font, name, room)
    assert QFontMetrics(fitted).horizontalAdvance(shown) <= room
    assert 12 <= fitted.pixelSize() < 40
    assert shown == name  # it fits at a smaller size: nothing is cut
    tiny, cut = fit_line(font, name, 60)
    assert tiny.pixelSize() == 12 and cut.endswith("…")
    assert QFontMetrics(tiny).horizontalAdvance(cut) <= 60
    same, whole = fit_line(font, "Nurse", 400)
    assert same.pixelSize() == 40 and whole == "Nurse"
