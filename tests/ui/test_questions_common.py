"""All question types together: the factory, accessibility, text scaling, images, screenshots."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from pocus_player.core import model as m
from pocus_player.core.scoring import key_response, score
from pocus_player.ui import theme
from pocus_player.ui.questions import (
    CaliperQuestionWidget,
    ChoiceQuestionWidget,
    HotspotQuestionWidget,
    OrderingQuestionWidget,
    QuestionImageError,
    QuestionWidget,
    create_question_widget,
    load_question_image,
)
from pocus_player.ui.questions.base import theme_colours
from tests.core import factories as f
from tests.ui.questions_support import (
    clipped_labels,
    demo_case,
    gray_image,
    inside_pixel,
    show,
    undescribed_controls,
    unnamed_controls,
)

DEMO_CASES = ("cardiac-effusion", "fast-trauma", "lung-dyspnea")
EXPECTED_CLASS = {
    m.QuestionType.SINGLE_BEST_ANSWER: ChoiceQuestionWidget,
    m.QuestionType.MULTIPLE_RESPONSE: ChoiceQuestionWidget,
    m.QuestionType.ORDERING: OrderingQuestionWidget,
    m.QuestionType.HOTSPOT: HotspotQuestionWidget,
    m.QuestionType.CALIPER: CaliperQuestionWidget,
}


def demo_questions() -> list[tuple[str, str]]:
    return [(name, q.id) for name in DEMO_CASES for q in demo_case(name).questions]


def still_or_synthetic(q: m.Question, case: m.Case) -> QImage | None:
    """The real still; a synthetic picture for clip frames (decoding is tested on its own)."""
    if q.image is None:
        return None
    if case.media_by_id(q.image.media).kind is m.MediaKind.STILL:
        return load_question_image(q, case)
    return gray_image()


@pytest.mark.parametrize(("case_name", "qid"), demo_questions())
def test_every_demo_question_is_accessible_and_scores_its_key(
    qtbot, case_name: str, qid: str
) -> None:  # type: ignore[no-untyped-def]
    case = demo_case(case_name)
    q = case.question_by_id(qid)
    w = create_question_widget(q, case, still_or_synthetic(q, case))
    assert isinstance(w, QuestionWidget) and type(w) is EXPECTED_CLASS[q.type]
    show(qtbot, w, 820, 700)
    for show_key in (False, True):
        w.set_show_key(show_key)
        assert unnamed_controls(w) == []
        assert undescribed_controls(w._content) == []
    w.set_show_key(False)
    # The key, restored as a draft, is what the widget reports, and it earns full marks.
    key = key_response(q)
    w.set_response(key)
    assert w.response() == key
    calibration = case.media_by_id(q.image.media).calibration if q.image else None
    assert score(q, w.response(), calibration).points == q.points


@pytest.mark.parametrize(("case_name", "qid"), demo_questions())
def test_text_scales_to_200_percent_without_clipping(qtbot, case_name: str, qid: str) -> None:  # type: ignore[no-untyped-def]
    case = demo_case(case_name)
    q = case.question_by_id(qid)
    w = show(qtbot, create_question_widget(q, case, still_or_synthetic(q, case)), 800, 600)
    w.set_show_key(True)
    small = w._stem.fontInfo().pointSizeF()
    w.set_text_scale(2.0)
    qtbot.waitUntil(lambda: w._stem.fontInfo().pointSizeF() >= 1.9 * small)
    qtbot.waitUntil(lambda: not clipped_labels(w))
    # Nothing runs past the right edge: there is no horizontal scrolling.
    assert w._content.width() <= w._scroll.viewport().width()
    assert unnamed_controls(w) == []
    w.set_text_scale(5.0)  # clamped
    assert w.text_scale() == 2.0


def test_the_accessibility_walk_finds_unnamed_controls(qtbot) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    QVBoxLayout(host)
    named = QPushButton("Named", host)
    named.setAccessibleName("Named")
    host.layout().addWidget(named)
    bare = QCheckBox(host)
    bare.setObjectName("Bare")
    host.layout().addWidget(bare)
    show(qtbot, host, 200, 100)
    assert unnamed_controls(host) == ["QCheckBox#Bare"]


def test_text_scale_holds_under_the_application_theme(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    case = demo_case("fast-trauma")
    q = case.question_by_id("q-fast-order")
    theme.apply(qapp, high_contrast=False, scale=1.0)
    try:
        w = show(qtbot, create_question_widget(q, case))
        w.set_text_scale(1.5)
        assert w._instructions.fontInfo().pointSizeF() == pytest.approx(
            theme.BASE_POINT_SIZE * 1.5, abs=0.6
        )
        assert w.list.rows[0].text.fontInfo().pointSizeF() == pytest.approx(
            theme.BASE_POINT_SIZE * 1.5, abs=0.6
        )
    finally:
        qapp.setStyleSheet("")


def near(a: QColor, b: QColor, tolerance: int = 10) -> bool:
    """Colours equal up to the display's colour depth (Xvfb may run at 16 bits)."""
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_focus_is_visible_on_options_and_images(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    focus = QColor(theme_colours().focus)
    q = f.sba()
    w = show(qtbot, create_question_widget(q, f.make_case(tmp_path, (), (q,), ())))
    w.setFocus()
    row = w.rows[0]
    edge = row.grab().toImage().pixelColor(2, row.height() // 2)
    assert near(edge, focus)
    other = w.rows[1].grab().toImage().pixelColor(2, w.rows[1].height() // 2)
    assert not near(other, focus)

    hq = f.hotspot()
    still = f.media_item(tmp_path, "still_ruq", m.MediaKind.STILL)
    hw = show(
        qtbot, create_question_widget(hq, f.make_case(tmp_path, (), (hq,), (still,)), gray_image())
    )
    hw.canvas.clearFocus()
    qtbot.waitUntil(lambda: not hw.canvas.hasFocus())
    assert not near(hw.canvas.grab().toImage().pixelColor(1, 1), focus)
    hw.setFocus(Qt.FocusReason.TabFocusReason)
    assert near(hw.canvas.grab().toImage().pixelColor(1, 1), focus)


def test_load_question_image_still_and_errors(tmp_path: Path) -> None:
    case = demo_case("fast-trauma")
    q = case.question_by_id("q-morison-hotspot")
    image = load_question_image(q, case)
    assert image is not None and (image.width(), image.height()) == (480, 360)
    assert load_question_image(case.question_by_id("q-disposition"), case) is None

    broken = f.media_item(tmp_path, "still_ruq", m.MediaKind.STILL)  # not a real PNG
    hq = f.hotspot()
    with pytest.raises(QuestionImageError, match=r"still_ruq\.png is not a readable PNG or JPEG"):
        load_question_image(hq, f.make_case(tmp_path, (), (hq,), (broken,)))
    missing = m.MediaItem("still_ruq", m.MediaKind.STILL, tmp_path / "gone.png")
    with pytest.raises(QuestionImageError, match=r"image file not found: .*gone\.png"):
        load_question_image(hq, f.make_case(tmp_path, (), (hq,), (missing,)))
    with pytest.raises(QuestionImageError, match="does not define"):
        load_question_image(hq, f.make_case(tmp_path, (), (hq,), ()))


def ffmpeg_gray_frames(path: Path, count: int, width: int, height: int) -> np.ndarray:
    """Reference frames from ffmpeg (tests only; the app never runs ffmpeg)."""
    raw = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(path),
            "-frames:v",
            str(count),
            "-f",
            "rawvideo",
            "-pix_fmt",
            "gray",
            "-",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    return np.frombuffer(raw, np.uint8).reshape(count, height, width).astype(np.int16)


@pytest.mark.media
@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg gives the reference frames")
def test_clip_frame_is_decoded_exactly_through_the_media_layer(
    qtbot, tmp_path: Path, corpus_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    clip = corpus_dir / "Reg_recommendations_alines_mov1.mov"  # 322 x 322, 18 fps
    item = m.MediaItem("alines", m.MediaKind.CINE, clip)
    region = m.Region("pleura", m.Rect(100, 60, 120, 40))
    q = f.hotspot(regions=(region,), key=("pleura",), image=m.ImageRef("alines", 17))
    case = f.make_case(tmp_path, (), (q,), (item,))
    image = load_question_image(q, case)
    assert image is not None and (image.width(), image.height()) == (322, 322)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    ours = np.frombuffer(gray.constBits(), np.uint8, gray.sizeInBytes())
    ours = ours.reshape(322, gray.bytesPerLine())[:, :322].astype(np.int16)
    reference = ffmpeg_gray_frames(clip, 30, 322, 322)
    errors = [float(np.abs(ours - frame).mean()) for frame in reference]
    # Frame 17 and no other: its neighbours differ by well over a grey level on average.
    assert int(np.argmin(errors)) == 17, errors
    assert errors[17] < 0.6 < min(errors[:17] + errors[18:]), errors

    w = show(qtbot, create_question_widget(q, case, image))
    x, y = inside_pixel(region)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=w.canvas.widget_pos_for_pixel(x, y))
    assert w.response() == {"points": [[x, y]], "frame": 17}
    assert score(q, w.response()).points == q.points


@pytest.mark.media
def test_a_frame_beyond_the_clip_is_a_clear_error(qtbot, tmp_path: Path, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    clip = corpus_dir / "Reg_recommendations_alines_mov1.mov"  # 180 frames
    item = m.MediaItem("alines", m.MediaKind.CINE, clip)
    q = f.hotspot(image=m.ImageRef("alines", 5000))
    with pytest.raises(
        QuestionImageError,
        match=r"cannot decode frame 5000 of Reg_recommendations_alines_mov1\.mov: the clip has 180 frames \(0 to 179\)",
    ):
        load_question_image(q, f.make_case(tmp_path, (), (q,), (item,)))


@pytest.fixture
def themed(qapp):  # type: ignore[no-untyped-def]
    """The application theme, undone afterwards so other tests see a plain application."""
    palette, font = qapp.palette(), qapp.font()

    def use(high_contrast: bool) -> None:
        theme.apply(qapp, high_contrast=high_contrast, scale=1.0)

    yield use
    qapp.setStyleSheet("")
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("pocus_high_contrast", False)
    qapp.setProperty("pocus_text_scale", 1.0)


def test_screenshots(qtbot, tmp_path: Path, themed) -> None:  # type: ignore[no-untyped-def]
    """Screens of every type at 100 % and 200 % text, with the key shown, and in high contrast.

    Set POCUS_QUESTION_SHOTS to a folder to keep them for review.
    """
    folder = Path(os.environ.get("POCUS_QUESTION_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)

    def draft(q: m.Question) -> dict[str, object] | None:
        """A plausible, partly wrong answer, so screens show both answer and key."""
        if q.type is m.QuestionType.MULTIPLE_RESPONSE:
            wrong = next(o.id for o in q.options if o.id not in q.key)
            return {"choices": [q.key[0], wrong]}
        if q.type is m.QuestionType.ORDERING:
            return {"order": [o.id for o in reversed(q.options)]}
        if q.type is m.QuestionType.HOTSPOT:
            return key_response(q)
        if q.type is m.QuestionType.CALIPER:
            (x1, y1), (x2, y2) = key_response(q)["endpoints"]
            return {"endpoints": [[x1 - 4, y1 - 4], [x2 - 2, y2 - 6]]}
        return None

    picks = [
        ("lung-dyspnea", m.QuestionType.SINGLE_BEST_ANSWER),
        ("cardiac-effusion", m.QuestionType.MULTIPLE_RESPONSE),
        ("fast-trauma", m.QuestionType.ORDERING),
        ("fast-trauma", m.QuestionType.HOTSPOT),
        ("cardiac-effusion", m.QuestionType.CALIPER),
    ]
    saved = []
    for case_name, qtype in picks:
        case = demo_case(case_name)
        of_type = [q for q in case.questions if q.type is qtype]
        # Prefer a question offering "not possible", to show that option too.
        q = next((q for q in of_type if q.allow_not_possible), of_type[0])
        qid = q.id
        for mode in ("100", "200", "key", "hc-key"):
            themed(mode == "hc-key")
            w = create_question_widget(q, case, still_or_synthetic(q, case))
            show(qtbot, w, 820, 720)
            if draft(q) is not None:
                w.set_response(draft(q))
            if mode == "200":
                w.set_text_scale(2.0)
            if mode.endswith("key"):
                w.set_show_key(True)
            w.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(lambda w=w: not clipped_labels(w))
            path = folder / f"{qid}-{mode}.png"
            assert w.grab().save(str(path))
            saved.append(path)
            w.close()
    assert all(p.stat().st_size > 1000 for p in saved)
