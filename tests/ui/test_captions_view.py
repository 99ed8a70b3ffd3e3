"""Tests for the caption overlay and the transcript drawer, on real widgets under Xvfb."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pocus_player.core.captions import CaptionTrack, Cue, load_captions
from pocus_player.ui.captions_view import CaptionOverlay, TranscriptDrawer

FRAME_MS = 1000 / 30  # one frame at 30 fps

VTT = """\
WEBVTT

00:00:01.000 --> 00:00:02.500
<v Dr Osei>Let's look at the right upper quadrant.

00:00:02.500 --> 00:00:04.000
Morison's pouch lies between the liver and the kidney.

00:00:06.000 --> 00:00:09.000
There is an anechoic stripe in Morison's pouch: free fluid, a positive FAST examination \
in a hypotensive trauma patient who needs the operating theatre now.
"""


@pytest.fixture
def track(tmp_path: Path) -> CaptionTrack:
    path = tmp_path / "rq.vtt"
    path.write_text(VTT, encoding="utf-8")
    return load_captions(path)


def dark_host(qtbot, width: int = 640, height: int = 360) -> QWidget:  # type: ignore[no-untyped-def]
    host = QWidget()
    host.setAutoFillBackground(True)
    palette = host.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(40, 40, 40))
    host.setPalette(palette)
    host.resize(width, height)
    qtbot.addWidget(host)
    return host


def white_pixels(image: QImage) -> int:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if c.red() > 230 and c.green() > 230 and c.blue() > 230:
                count += 1
    return count


# ---------------------------------------------------------------- overlay timing


def test_overlay_shows_cue_at_start_and_clears_at_end(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    overlay = CaptionOverlay()
    qtbot.addWidget(overlay)
    overlay.set_track(track)
    first = track.cues[0]
    overlay.set_time_ms(first.start_ms - 1)
    assert overlay.text() == ""
    with qtbot.waitSignal(overlay.cueChanged, check_params_cb=lambda c: c is first):
        overlay.set_time_ms(first.start_ms)
    assert overlay.text() == "Dr Osei: Let's look at the right upper quadrant."
    overlay.set_time_ms(first.end_ms - 1)
    assert overlay.current_cue() is first
    # The next cue starts as this one ends; after the last one the overlay clears.
    overlay.set_time_ms(first.end_ms)
    assert overlay.current_cue() is track.cues[1]
    overlay.set_time_ms(track.cues[1].end_ms)
    assert overlay.text() == ""
    assert overlay.current_cue() is None


def test_overlay_follows_30fps_ticks_within_one_frame(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    """Fed a media time every frame, the text appears and clears within one frame."""
    overlay = CaptionOverlay()
    qtbot.addWidget(overlay)
    overlay.set_track(track)
    shown_at: dict[int, int] = {}
    cleared_at: dict[int, int] = {}
    previous: Cue | None = None
    for frame in range(0, 10 * 30 + 1):
        ms = round(frame * FRAME_MS)
        overlay.set_time_ms(ms)
        cue = overlay.current_cue()
        if cue is not None and cue is not previous:
            shown_at.setdefault(cue.index, ms)
        if previous is not None and cue is not previous:
            cleared_at.setdefault(previous.index, ms)
        previous = cue
    assert sorted(shown_at) == [0, 1, 2]
    for cue in track.cues:
        assert 0 <= shown_at[cue.index] - cue.start_ms <= FRAME_MS
        assert 0 <= cleared_at[cue.index] - cue.end_ms <= FRAME_MS


def test_overlay_draws_white_text_on_dark_background_and_clears(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    overlay.set_time_ms(1000)
    assert white_pixels(host.grab().toImage()) > 50
    overlay.set_time_ms(5000)  # between cues
    assert white_pixels(host.grab().toImage()) == 0


def test_overlay_background_box_is_black_and_its_opacity_adjustable(
    qtbot, track: CaptionTrack
) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot)
    palette = host.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(128, 128, 128))
    host.setPalette(palette)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    overlay.set_time_ms(1000)
    box = overlay.text_rect()
    # A point inside the box, left of the text, in the host's coordinates.
    probe = overlay.mapTo(host, box.topLeft()) + type(box.topLeft())(-7, box.height() // 2)
    assert overlay.background_opacity() == pytest.approx(0.75)
    solid = host.grab().toImage().pixelColor(probe)
    overlay.set_background_opacity(1.0)
    black = host.grab().toImage().pixelColor(probe)
    overlay.set_background_opacity(0.0)
    image = host.grab().toImage()
    none, backdrop = image.pixelColor(probe), image.pixelColor(2, 2)
    assert black.red() < 10
    assert 20 < solid.red() < 50  # 25 % of the mid grey shows through
    assert none == backdrop  # (the display may store fewer bits per colour than 8)
    overlay.set_background_opacity(7.0)
    assert overlay.background_opacity() == 1.0


def test_overlay_accessible_name_and_description(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    overlay = CaptionOverlay()
    qtbot.addWidget(overlay)
    overlay.set_track(track)
    assert overlay.accessibleName() == "Captions"
    assert overlay.accessibleDescription() == "No caption at this time"
    overlay.set_time_ms(2600)
    assert overlay.accessibleDescription() == track.cues[1].text


def test_overlay_without_track_stays_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    overlay = CaptionOverlay()
    qtbot.addWidget(overlay)
    with qtbot.assertNotEmitted(overlay.cueChanged):
        overlay.set_time_ms(1000)
    assert overlay.text() == ""


# ---------------------------------------------------------------- overlay size


def test_overlay_at_200_percent_grows_and_shows_all_text(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    host.setFixedSize(720, 900)
    media_area = QWidget()  # stands in for the video, or nothing over audio-only narration
    media_area.setMinimumHeight(200)
    overlay = CaptionOverlay()
    layout = QVBoxLayout(host)
    layout.addWidget(media_area, 1)
    layout.addWidget(overlay)
    overlay.set_track(track)
    overlay.set_time_ms(7000)  # the long cue
    host.show()
    qtbot.waitExposed(host)
    height_100 = overlay.height()
    lines_100 = overlay.laid_out_lines()
    font_100 = overlay.caption_font().pixelSize()

    overlay.set_text_scale(2.0)
    qtbot.waitUntil(lambda: overlay.height() >= overlay.heightForWidth(overlay.width()))
    assert overlay.text_scale() == 2.0
    assert overlay.caption_font().pixelSize() == 2 * font_100
    assert overlay.sizeHint().height() > height_100
    assert overlay.height() > 1.8 * height_100
    lines_200 = overlay.laid_out_lines()
    assert len(lines_200) > len(lines_100) >= 2
    # Nothing elided or dropped: the wrapped lines hold every character of the cue.
    assert "".join(lines_200).replace(" ", "") == track.cues[2].text.replace(" ", "")
    # And every line lies inside the widget.
    assert overlay.rect().contains(overlay.text_rect())


def test_overlay_wraps_a_word_wider_than_the_line(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.vtt"
    path.write_text("WEBVTT\n\n00:00.000 --> 00:05.000\n" + "pneumonoultramicroscopic" * 3 + "\n")
    overlay = CaptionOverlay()
    qtbot.addWidget(overlay)
    overlay.resize(300, 100)
    overlay.set_track(load_captions(path))
    overlay.set_text_scale(2.0)
    overlay.set_time_ms(100)
    overlay.resize(300, overlay.heightForWidth(300))
    assert len(overlay.laid_out_lines()) > 1
    assert overlay.rect().contains(overlay.text_rect())


def test_overlay_scale_is_clamped(qtbot) -> None:  # type: ignore[no-untyped-def]
    overlay = CaptionOverlay(base_pixel_size=20)
    qtbot.addWidget(overlay)
    overlay.set_text_scale(3.0)
    assert overlay.text_scale() == 2.0
    assert overlay.caption_font().pixelSize() == 40
    overlay.set_text_scale(0.5)
    assert overlay.text_scale() == 1.0


def test_anchored_overlay_sits_at_the_bottom_and_follows_resizes(
    qtbot, track: CaptionTrack
) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot, 640, 360)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    overlay.set_time_ms(7000)
    assert overlay.parentWidget() is host
    assert overlay.geometry().bottom() == host.height() - 1
    assert overlay.width() == host.width()
    one_width_height = overlay.height()
    host.resize(320, 400)
    qtbot.waitUntil(lambda: overlay.width() == 320)
    assert overlay.geometry().bottom() == host.height() - 1
    assert overlay.height() > one_width_height  # narrower: more lines
    assert overlay.rect().contains(overlay.text_rect())
    assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


# ---------------------------------------------------------------- transcript drawer

SCRIPT = (
    "Narrator: A 34-year-old motorcyclist arrives hypotensive after a collision.\n\n"
    + "\n".join(f"Filler line {i} describing the primary survey in detail." for i in range(40))
    + "\n\nDr Osei: Let's look at the right upper quadrant. Morison's pouch lies between the "
    "liver and the kidney.\n\nThere is an anechoic stripe in Morison's pouch: free fluid, a "
    "positive FAST examination in a hypotensive trauma patient who needs the operating "
    "theatre now."
)


def test_transcript_highlights_current_cue_and_scrolls_it_into_view(
    qtbot, track: CaptionTrack
) -> None:  # type: ignore[no-untyped-def]
    drawer = TranscriptDrawer()
    qtbot.addWidget(drawer)
    drawer.resize(360, 240)
    drawer.set_content(SCRIPT, track)
    drawer.show()
    qtbot.waitExposed(drawer)
    view = drawer.text_view()
    assert view.toPlainText() == SCRIPT
    assert view.verticalScrollBar().value() == 0
    with qtbot.waitSignal(drawer.currentCueChanged, check_params_cb=lambda c: c is track.cues[1]):
        drawer.set_time_ms(3000)
    assert drawer.highlighted_text() == ("Morison's pouch lies between the liver and the kidney")
    (selection,) = view.extraSelections()
    assert selection.cursor.selectedText() == drawer.highlighted_text()
    # The highlighted words are inside the visible part of the text.
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().rect().contains(view.cursorRect(selection.cursor))
    drawer.set_time_ms(5000)  # between cues
    assert drawer.highlighted_text() == ""
    assert view.extraSelections() == []


def test_transcript_follow_off_leaves_the_scroll_position(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    drawer = TranscriptDrawer()
    qtbot.addWidget(drawer)
    drawer.resize(360, 240)
    drawer.set_content(SCRIPT, track)
    drawer.show()
    qtbot.waitExposed(drawer)
    drawer.set_follows_playback(False)
    drawer.set_time_ms(7000)
    assert drawer.highlighted_text().startswith("There is an anechoic stripe")
    assert drawer.text_view().verticalScrollBar().value() == 0
    drawer.set_follows_playback(True)
    assert drawer.text_view().verticalScrollBar().value() > 0


def test_transcript_from_cues_when_no_script(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    drawer = TranscriptDrawer()
    qtbot.addWidget(drawer)
    drawer.set_content("", track)
    assert drawer.text().split("\n\n") == [c.display_text for c in track.cues]
    drawer.set_time_ms(1000)
    assert drawer.highlighted_text() == "Dr Osei: Let's look at the right upper quadrant."
    drawer.set_content("", None)
    assert drawer.text() == ""
    assert drawer.text_view().placeholderText() == "No written script for this item"


def test_transcript_keyboard_access_and_scale(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    drawer = TranscriptDrawer(base_pixel_size=16)
    qtbot.addWidget(drawer)
    drawer.set_content(SCRIPT, track)
    drawer.show()
    qtbot.waitExposed(drawer)
    view = drawer.text_view()
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert view.tabChangesFocus()
    assert view.accessibleName() == "Transcript"
    drawer.activateWindow()
    qtbot.waitActive(drawer)
    drawer.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert not drawer.hasFocus()  # only the text reports the focus to a screen reader
    before = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.textCursor().position() > before
    assert view.toPlainText() == SCRIPT  # read-only: keys move, never edit
    qtbot.keyClicks(view, "x")
    assert view.toPlainText() == SCRIPT
    drawer.set_text_scale(2.0)
    assert view.font().pixelSize() == 32
    drawer.set_text_scale(1.5)
    assert view.font().pixelSize() == 24


def test_transcript_offsets_survive_characters_outside_the_bmp(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "emoji.vtt"
    path.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nfree fluid\n", encoding="utf-8")
    drawer = TranscriptDrawer()
    qtbot.addWidget(drawer)
    drawer.set_content("🫀 heart first, then free fluid.", load_captions(path))
    drawer.set_time_ms(500)
    (selection,) = drawer.text_view().extraSelections()
    assert selection.cursor.selectedText() == "free fluid"


def test_overlay_box_has_no_gaps_between_wrapped_lines(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot, 420, 400)
    palette = host.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(255, 0, 0))
    host.setPalette(palette)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.set_background_opacity(1.0)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    overlay.set_time_ms(7000)
    assert len(overlay.laid_out_lines()) >= 3
    image = host.grab().toImage()
    box = overlay.text_rect().translated(overlay.pos())
    center = box.center().x()
    red = [
        (x, y)
        for y in range(box.top(), box.bottom() + 1)
        for x in range(center - 20, center + 21)
        if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 60
    ]
    assert red == []


def test_anchored_overlay_shrinks_a_long_cue_to_fit_a_small_area(
    qtbot, track: CaptionTrack
) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot, 480, 270)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    overlay.set_text_scale(2.0)
    overlay.set_time_ms(1000)  # a short cue keeps the chosen size
    assert overlay.effective_text_scale() == 2.0
    overlay.set_time_ms(7000)  # the long cue would not fit at 200 %: drawn smaller, never cut
    assert 1.0 <= overlay.effective_text_scale() < 2.0
    assert overlay.height() <= host.height()
    assert overlay.rect().contains(overlay.text_rect())
    assert "".join(overlay.laid_out_lines()).replace(" ", "") == track.cues[2].text.replace(" ", "")
    host.resize(1280, 720)  # room enough again
    qtbot.waitUntil(lambda: overlay.effective_text_scale() == 2.0)
    assert overlay.text_scale() == 2.0


def test_anchored_overlay_is_hidden_between_cues(qtbot, track: CaptionTrack) -> None:  # type: ignore[no-untyped-def]
    host = dark_host(qtbot)
    overlay = CaptionOverlay()
    overlay.set_track(track)
    overlay.anchor_to(host)
    host.show()
    qtbot.waitExposed(host)
    assert not overlay.isVisible()
    overlay.set_time_ms(1000)
    assert overlay.isVisible()
    overlay.set_time_ms(4500)
    assert not overlay.isVisible()
