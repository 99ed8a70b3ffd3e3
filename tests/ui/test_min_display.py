"""The minimum display: 1024x768 at 200 % text (and 150 %, high contrast).

At that size the candidate's window never grows past the screen, and an image
question shows its stem and its whole image at once, with no scrolling: the
candidate can see everything they must point at or measure. The proctor's
preflight keeps its Start button in view: only its list of checks scrolls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from pocus_player.core.model import QuestionType
from pocus_player.ui.app import ExamApp
from pocus_player.ui.exam_controller import Phase
from tests.ui.app_support import PIN, exam_app, skip_to_checkpoint
from tests.ui.test_e2e_app import key_response

pytestmark = pytest.mark.media  # real libvlc plays the demo media

SCREEN = (1024, 768)


def rect_in(widget: QWidget, ancestor: QWidget, rect: QRect | None = None) -> QRect:
    """`rect` (default: the whole widget) in `ancestor`'s coordinates."""
    r = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(ancestor, r.topLeft()), r.size())


def visible_in_viewport(widget: QWidget, scroll: QScrollArea, rect: QRect | None = None) -> bool:
    viewport = scroll.viewport()
    return viewport.rect().contains(rect_in(widget, viewport, rect))


def start_exam(qtbot: Any, tmp_path: Path, exam: str, scale: float, **kw: Any) -> ExamApp:
    app = exam_app(tmp_path, exam, text_scale=scale, **kw)
    start = app.show_start()
    qtbot.addWidget(start)
    start.pin_prompt.pin.setText(PIN)
    start.pin_prompt.ok.click()
    start.candidate_id.setText("C-1042")
    start.candidate_name.setText("Ada Lovelace")
    start.preflight_button.click()
    start.tone_yes.click()
    start.start_button.click()
    app.candidate_window.begin_button.click()
    return app


def go_to_question(qtbot: Any, app: ExamApp, kind: QuestionType) -> Any:
    """Walk the case (answering with the key) until a question of `kind` is on screen."""
    c, win = app.controller, app.candidate_window
    while not c.session.is_over:
        if c.phase is Phase.PLAYING:
            if not skip_to_checkpoint(app):
                qtbot.waitUntil(lambda: c.phase is not Phase.PLAYING, timeout=30000)
            continue
        qtbot.waitUntil(lambda: c.phase in (Phase.CHECKPOINT, Phase.FEEDBACK), timeout=30000)
        if c.phase is Phase.FEEDBACK:
            win.feedback.continue_button.click()
            continue
        cp = c.session.open_checkpoint
        for i, q in enumerate(cp.questions):
            qtbot.waitUntil(lambda i=i: win.panel.current_index() == i)
            if q.type is kind:
                return win.panel.current_widget()
            extra = {"frame": q.image.frame} if q.type is QuestionType.HOTSPOT and q.image else {}
            c.answer(q.id, key_response(q) | extra)
            if i < len(cp.questions) - 1:
                win.panel.next_button.click()
        win.panel.submit_button.click()
        win.panel.confirm_yes.click()
    raise AssertionError(f"no {kind.value} question in the case")


def layout_problems(qtbot: Any, app: ExamApp, widget: Any) -> list[str]:
    """What a candidate at 1024x768 would find wrong with an image question's screen."""
    win = app.candidate_window
    win.resize(*SCREEN)
    qtbot.wait(300)  # the layout settles; the focus scrolls into view
    problems = []
    if (win.width(), win.height()) != SCREEN:
        problems.append(f"window is {win.width()}x{win.height()}")
    if win.minimumSizeHint().width() > SCREEN[0]:
        problems.append(f"minimum width {win.minimumSizeHint().width()}")
    scroll = widget._scroll
    if scroll.verticalScrollBar().isVisible():
        problems.append("the question scrolls")
    if scroll.horizontalScrollBar().maximum() > 0:
        problems.append("the question scrolls sideways")
    stem = widget._stem
    if not win.rect().contains(rect_in(stem, win)) or not stem.isVisible():
        problems.append("the stem is not on screen")
    canvas = widget.canvas
    image = canvas.image_rect().toAlignedRect()
    if image.isEmpty():
        problems.append("no image shown")
    elif not visible_in_viewport(canvas, scroll, image):
        problems.append(f"image {rect_in(canvas, scroll.viewport(), image)} is cut off")
    if not win.rect().contains(rect_in(canvas, win, image)):
        problems.append("image outside the window")
    # Pixel mapping still holds at this size: the centre pixel maps back to itself.
    size = canvas.image_size()
    px = (size.width() // 2, size.height() // 2)
    if canvas.pixel_at(canvas.pixel_center(*px)) != px:
        problems.append("pixel mapping broken")
    if canvas.mapTo(win, QPoint(0, 0)).y() < rect_in(stem, win).bottom():
        problems.append("the image overlaps the stem")
    return problems


@pytest.mark.parametrize(
    ("exam", "kind", "scale", "high_contrast"),
    [
        ("fast-trauma", QuestionType.HOTSPOT, 2.0, False),
        ("cardiac-effusion", QuestionType.CALIPER, 2.0, False),
        ("cardiac-effusion", QuestionType.CALIPER, 1.5, True),
        ("fast-trauma", QuestionType.HOTSPOT, 1.0, False),
    ],
)
def test_image_question_fits_the_minimum_display(
    qtbot: Any, tmp_path: Path, exam: str, kind: QuestionType, scale: float, high_contrast: bool
) -> None:
    app = start_exam(qtbot, tmp_path, exam, scale, high_contrast=high_contrast)
    try:
        widget = go_to_question(qtbot, app, kind)
        assert layout_problems(qtbot, app, widget) == []
    finally:
        app.shutdown()
        if high_contrast:
            app.high_contrast = False
            app.apply_theme()


@pytest.mark.parametrize("scale", [2.0, 1.5, 1.0])
def test_preflight_start_button_is_in_view_at_the_minimum_display(
    qtbot: Any, tmp_path: Path, scale: float
) -> None:
    """The preflight's buttons stay below the check list, on screen; only the list scrolls."""
    app = exam_app(tmp_path, "fast-trauma", text_scale=scale)
    start = app.show_start()
    qtbot.addWidget(start)
    try:
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        start.candidate_id.setText("C-1042")
        start.candidate_name.setText("Ada Lovelace")
        start.captions_always.setChecked(True)
        start.preflight_button.click()
        start.tone_yes.click()
        start.resize(*SCREEN)
        qtbot.wait(300)
        assert (start.width(), start.height()) == SCREEN
        for button in (start.start_button, start.tone_button, start.tone_yes):
            assert button.isVisible()
            assert start.rect().contains(rect_in(button, start)), button.text()
            assert button.visibleRegion().boundingRect() == button.rect(), button.text()
        assert start.start_button.isEnabled()
        parent = start.start_button.parentWidget()
        while parent is not None:  # the buttons never scroll away with the page
            assert not isinstance(parent, QScrollArea)
            parent = parent.parentWidget()
    finally:
        app.shutdown()


@pytest.mark.parametrize(("scale", "least_height"), [(1.0, 400), (2.0, 280)])
def test_the_caliper_image_takes_the_room_left(
    qtbot: Any, tmp_path: Path, scale: float, least_height: int
) -> None:
    """Beside its readout and status when that draws it larger: at 200 % text the image was a
    150 px strip between the stem and the rows under it."""
    app = start_exam(qtbot, tmp_path, "cardiac-effusion", scale)
    try:
        widget = go_to_question(qtbot, app, QuestionType.CALIPER)
        assert layout_problems(qtbot, app, widget) == []
        assert widget.canvas.image_rect().height() >= least_height
        assert widget.area.is_beside()
    finally:
        app.shutdown()


def test_a_time_notice_keeps_the_window_on_screen(qtbot: Any, tmp_path: Path) -> None:
    """The longest notice in the header at 200 %: shown whole, the case title gives way."""
    from pocus_player.ui.time_notice import RESUMED, THRESHOLDS, TimeNotice

    app = start_exam(qtbot, tmp_path, "cardiac-effusion", 2.0)
    try:
        win = app.candidate_window
        notice = win.findChild(TimeNotice)
        for message in (RESUMED, *(text for _s, text in THRESHOLDS)):
            notice.show_message(message)
            win.resize(*SCREEN)
            qtbot.wait(200)
            assert (win.width(), win.height()) == SCREEN
            assert win.minimumSizeHint().width() <= SCREEN[0]
            assert notice.isVisible() and not notice.is_elided()
            assert win.rect().contains(rect_in(notice, win))
            assert win.case_label.width() > notice.width()  # the case stays readable
    finally:
        app.shutdown()


@pytest.mark.parametrize("scale", [2.0, 1.0])
def test_the_cardiac_hotspot_takes_the_width_of_the_clips_media(
    qtbot: Any, tmp_path: Path, scale: float
) -> None:
    """A hotspot beside clips to replay: the media side gives way, the image is drawn large."""
    app = start_exam(qtbot, tmp_path, "cardiac-effusion", scale)
    try:
        widget = go_to_question(qtbot, app, QuestionType.HOTSPOT)
        assert layout_problems(qtbot, app, widget) == []
        assert not app.candidate_window.encounter.media_side_shown()
        image = widget.canvas.image_rect().toAlignedRect()
        assert image.height() >= 300, image  # it was 160x120 beside the media at 200 %
    finally:
        app.shutdown()


# -- the item writer's preview -----------------------------------------------------------


def _preview_at(
    qtbot: Any, qapp: Any, case: str, kind: QuestionType, scale: float, high_contrast: bool = False
) -> Any:
    """The preview of a demo case at a question of `kind`, key shown, at `scale` text."""
    from pocus_player.core.case_map import OutlineTarget
    from pocus_player.media.probe import VlcMediaProbe
    from pocus_player.ui import theme
    from pocus_player.ui.preview_window import PreviewWindow

    theme.apply(qapp, high_contrast, scale)
    window = PreviewWindow(Path("cases") / f"{case}.yaml", probe=VlcMediaProbe(), watch=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.case is not None
    step, question = next(
        (s, q)
        for s in window.case.steps
        for q in s.questions
        if window.case.question_by_id(q).type is kind
    )
    window.go_to(OutlineTarget(step.id, None, question))
    window.set_show_key(True)
    return window


def preview_problems(qtbot: Any, window: Any, size: tuple[int, int]) -> list[str]:
    """What an item writer on a `size` screen would find wrong with the preview."""
    from PySide6.QtWidgets import QAbstractScrollArea

    from tests.ui.i18n_support import cut_off_texts

    window.resize(*size)
    qtbot.wait(400)  # the columns fold, the layout settles
    problems = []
    if (window.width(), window.height()) != size:
        problems.append(f"window is {window.width()}x{window.height()}")
    if window.minimumSizeHint().width() > size[0]:
        problems.append(f"minimum width {window.minimumSizeHint().width()}")
    problems += cut_off_texts(window)
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            problems.append(f"{type(area).__name__} {area.objectName()!r} scrolls sideways")
    for widget in window.question_widgets().values():
        if widget.isVisible() and not window.rect().contains(rect_in(widget, window)):
            problems.append(f"question {widget.question.id} runs off the window")
    return problems


@pytest.mark.parametrize(
    ("case", "kind", "scale", "size"),
    [
        ("fast-trauma", QuestionType.HOTSPOT, 1.0, SCREEN),
        ("fast-trauma", QuestionType.HOTSPOT, 2.0, SCREEN),
        ("cardiac-effusion", QuestionType.CALIPER, 2.0, SCREEN),
        ("cardiac-effusion", QuestionType.CALIPER, 1.0, (1280, 800)),
        ("cardiac-effusion", QuestionType.CALIPER, 2.0, (1280, 800)),
    ],
)
def test_the_preview_fits_the_minimum_display(
    qtbot: Any, qapp: Any, case: str, kind: QuestionType, scale: float, size: tuple[int, int]
) -> None:
    """Three columns did not fit: the preview was 1095 px wide at 100 % text, 1570 at 200 %."""
    from pocus_player.ui import theme

    try:
        window = _preview_at(qtbot, qapp, case, kind, scale)
        assert preview_problems(qtbot, window, size) == []
        # The questions take the text size, as the candidate's do.
        assert {w.text_scale() for w in window.question_widgets().values()} == {scale}
        assert window.columns.is_folded() == (size[0] < 1200 or scale > 1.0)
    finally:
        theme.apply(qapp)
        qapp.setStyleSheet("")


@pytest.mark.parametrize(
    ("case", "kind"),
    [("fast-trauma", QuestionType.HOTSPOT), ("cardiac-effusion", QuestionType.CALIPER)],
)
def test_the_preview_keeps_the_image_large_at_200_percent(
    qtbot: Any, qapp: Any, case: str, kind: QuestionType
) -> None:
    """The key, rationale and rows once left the image a 160x120 strip; they scroll now.

    The floor: the image's least height is 240 px, as far as the visible part of the question
    allows; under the caliper's six-line stem that part is 243 px high, less the content's
    12 px margin and the 8 px of focus ring, which leaves 223."""
    from pocus_player.ui import theme

    try:
        window = _preview_at(qtbot, qapp, case, kind, 2.0)
        assert preview_problems(qtbot, window, SCREEN) == []
        widget = next(w for w in window.question_widgets().values() if w.question.type is kind)
        image = widget.canvas.image_rect().toAlignedRect()
        assert image.height() >= 220, image
        # Whole in the visible part of the question, under the stem.
        assert visible_in_viewport(widget.canvas, widget._scroll, image)
    finally:
        theme.apply(qapp)
        qapp.setStyleSheet("")


@pytest.mark.parametrize("locale", ["es", "pseudo"])
def test_the_preview_fits_the_minimum_display_in_another_language(
    qtbot: Any, qapp: Any, locale: str
) -> None:
    """Spanish and the pseudo-locale's third longer text at 1024x768, at 100 % and 200 %."""
    from pocus_player.ui import i18n, theme

    i18n.install(locale, qapp)
    try:
        for scale in (1.0, 2.0):
            window = _preview_at(qtbot, qapp, "fast-trauma", QuestionType.HOTSPOT, scale)
            assert preview_problems(qtbot, window, SCREEN) == [], scale
            window.close()
    finally:
        i18n.install(i18n.SOURCE_LOCALE, qapp)
        theme.apply(qapp)
        qapp.setStyleSheet("")


def test_following_the_case_fits_the_minimum_display_at_200_percent(qtbot: Any, qapp: Any) -> None:
    """Follow mode adds its bar under the media: the window once grew to 867 px tall, the
    transport buttons cut off below."""
    from pocus_player.media.probe import VlcMediaProbe
    from pocus_player.ui import theme
    from pocus_player.ui.preview_window import PreviewWindow

    theme.apply(qapp, scale=2.0)
    try:
        window = PreviewWindow(
            Path("cases") / "cardiac-effusion.yaml", probe=VlcMediaProbe(), watch=False
        )
        qtbot.addWidget(window)
        window.show()
        window.resize(*SCREEN)
        window.start_follow()
        window.skip_ahead()
        qtbot.waitUntil(lambda: bool(window.question_widgets()), timeout=30000)
        assert window.follow_bar.isVisible()
        assert preview_problems(qtbot, window, SCREEN) == []
    finally:
        theme.apply(qapp)
        qapp.setStyleSheet("")


@pytest.mark.parametrize("size", [SCREEN, (1280, 800)])
def test_the_preview_fits_at_150_percent_in_high_contrast(
    qtbot: Any, qapp: Any, size: tuple[int, int]
) -> None:
    from pocus_player.ui import theme

    try:
        window = _preview_at(qtbot, qapp, "cardiac-effusion", QuestionType.CALIPER, 1.5, True)
        assert preview_problems(qtbot, window, size) == []
    finally:
        theme.apply(qapp)
        qapp.setStyleSheet("")
