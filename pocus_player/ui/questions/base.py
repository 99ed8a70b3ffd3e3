"""`QuestionWidget`: the frame every question type shares (stem, instructions, key, rationale).

A question widget shows one `Question` and keeps the candidate's draft answer.
`response()` returns exactly the scoring contract's JSON (see
`pocus_player.core.scoring`), `set_response()` restores it, and `changed` fires
whenever the candidate alters the draft (never when the draft is restored).

Layout: the stem on top, always visible; everything else sits in one vertical
scroll area, so at 200 % text nothing is clipped; labels word-wrap. Image
questions fold their instructions away at large text so that the stem and the
whole image fit together (1024x768 at 200 %). Text size follows `set_text_scale()` through a
widget style sheet (it wins over the application style sheet of
`pocus_player.ui.theme`, whose base size it reuses). Colours come from the
theme; the few painted elements (focus rings, key highlights, markers) use the
theme's colours for the current contrast mode.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.model import Case, Question
from pocus_player.ui import theme
from pocus_player.ui.accessibility import PrefixedLabel

log = logging.getLogger(__name__)

__all__ = ["QuestionWidget", "theme_colours"]


def theme_colours() -> theme.Colours:
    """The theme colours for the contrast mode the application is in."""
    app = QApplication.instance()
    high = bool(app.property("pocus_high_contrast")) if app is not None else False
    return theme.colours(high)


def qcolor(name: str, alpha: int = 255) -> QColor:
    colour = QColor(name)
    colour.setAlpha(alpha)
    return colour


class QuestionWidget(QWidget):
    """Base of every question widget. Subclasses build their body in `_build_body()`.

    Signals:
        changed(): the draft response changed through the candidate's input.
    """

    changed = Signal()

    #: True when the body (an image) should take the spare height; else the key and
    #: rationale follow the body directly and the spare height stays at the bottom.
    EXPANDING_BODY = True

    #: Shown under the stem: how to answer, by mouse and by keyboard.
    INSTRUCTIONS = ""

    #: The body places the "how to answer" button itself (in a row of its own buttons,
    #: which saves a line of height for the image).
    HOW_IN_BODY = False

    def __init__(
        self,
        question: Question,
        case: Case,
        image: QImage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.case = case
        self._show_key = False
        self._read_only = False
        self._scale = 1.0
        self.setObjectName("QuestionWidget")
        self.setProperty("questionType", question.type.value)
        self._init_scroll()
        self._init_sections(question)
        self._build_body()
        self._apply_style()
        if image is not None:
            self.set_image(image)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _init_scroll(self) -> None:
        """The question scrolls as a whole when it does not fit (200 % text at 1024x768)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("QuestionScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setAccessibleName(QCoreApplication.translate("QuestionWidget", "Question"))
        bar = self._scroll.verticalScrollBar()
        bar.setAccessibleName(QCoreApplication.translate("QuestionWidget", "Scroll the question"))
        bar.setAccessibleDescription(
            QCoreApplication.translate(
                "QuestionWidget", "Shows the rest of the question when it does not fit."
            )
        )
        outer.addWidget(self._scroll)

        self._content = QWidget()
        self._content.setObjectName("QuestionContent")
        self._layout = QVBoxLayout(self._content)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.setSpacing(10)
        self._scroll.setWidget(self._content)

    def _init_sections(self, question: Question) -> None:
        """Stem, instructions, the type's body, and the key and rationale (shown on request)."""
        # The stem stays above the scrolling part: however the rest scrolls (the keyboard
        # focus scrolls into view), the question being asked is always on screen.
        self._stem = self._label(question.stem, "QuestionStem")
        self._stem.setParent(self)
        self._stem.setContentsMargins(12, 10, 12, 0)
        self._stem.setAccessibleName(QCoreApplication.translate("QuestionWidget", "Question"))
        self._stem.setAccessibleDescription(question.stem)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self._stem)
        self._instructions = self._label(self.instructions(), "QuestionInstructions")
        self._instructions.setProperty("role", "muted")
        self._how: QPushButton | None = None
        self._how_chosen = False  # the candidate opened or closed the instructions
        if self.EXPANDING_BODY:
            self._init_how_button()
        self._layout.addWidget(self._instructions)

        self._body = QVBoxLayout()
        self._body.setSpacing(8)
        self._layout.addLayout(self._body, 1 if self.EXPANDING_BODY else 0)

        self._key_label = self._label(
            "", "QuestionKey", QCoreApplication.translate("QuestionWidget", "Answer key")
        )
        self._key_label.setProperty("role", "ok")
        self._key_label.hide()
        self._layout.addWidget(self._key_label)
        self._rationale = self._label(
            QCoreApplication.translate("QuestionWidget", "Rationale: {text}").format(
                text=question.rationale
            )
            if question.rationale
            else "",
            "QuestionRationale",
        )
        self._rationale.hide()
        self._layout.addWidget(self._rationale)
        if not self.EXPANDING_BODY:
            self._layout.addStretch(1)

    def _init_how_button(self) -> None:
        """The button that folds an image question's instructions away."""
        # An image question must show its stem and its whole image together; at large
        # text the instructions would push the image out of view, so they fold away
        # behind this button (the image's accessible description keeps them).
        self._how = QPushButton(
            QCoreApplication.translate("QuestionWidget", "Hide how to answer"), self._content
        )
        self._how.setObjectName("HowToAnswer")
        self._how.setCheckable(True)
        self._how.setChecked(True)
        self._how.setAccessibleName(
            QCoreApplication.translate("QuestionWidget", "How to answer")
        )
        self._how.setAccessibleDescription(
            QCoreApplication.translate(
                "QuestionWidget",
                "Shows or hides how to answer this question by mouse and by keyboard",
            )
        )
        self._how.toggled.connect(self._on_how_toggled)
        if not self.HOW_IN_BODY:
            self._layout.addWidget(self._how, 0, Qt.AlignmentFlag.AlignLeft)

    # -- helpers for subclasses ---------------------------------------------

    def _label(self, text: str, name: str, prefix: str = "") -> QLabel:
        """A word-wrapped label; with `prefix`, heard as "prefix: text" (see PrefixedLabel)."""
        label = PrefixedLabel(prefix, text, self._content) if prefix else QLabel(text)
        label.setParent(self._content)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return label

    def instructions(self) -> str:
        return self.INSTRUCTIONS

    def focus_target(self) -> QWidget | None:
        """The control that takes the keyboard focus when the question is focused."""
        return None

    def setFocus(  # noqa: N802 (Qt's name)
        self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason
    ) -> None:
        """Focus the question's control. Not a focus proxy: with a proxy the question and its
        containers report the focused state too, and a screen reader sees several focused
        nodes at once."""
        target = self.focus_target()
        if target is not None:
            target.setFocus(reason)
        else:
            super().setFocus(reason)

    def _on_how_toggled(self, on: bool) -> None:
        self._how_chosen = True
        self._show_instructions(on)

    def _show_instructions(self, on: bool) -> None:
        self._instructions.setVisible(on)
        if self._how is not None:
            self._how.setText(
                QCoreApplication.translate("QuestionWidget", "Hide how to answer")
                if on
                else QCoreApplication.translate("QuestionWidget", "Show how to answer")
            )
            if self._how.isChecked() != on:
                self._how.blockSignals(True)
                self._how.setChecked(on)
                self._how.blockSignals(False)

    def instructions_shown(self) -> bool:
        return not self._instructions.isHidden()

    def _build_body(self) -> None:
        raise NotImplementedError

    def _emit_changed(self) -> None:
        self._update_status()
        self.changed.emit()

    def _update_status(self) -> None:
        """Refresh visible and accessible status text after the draft changed."""

    def _key_text(self) -> str:
        """The answer key in words (preview / show-key mode)."""
        return ""

    def _show_key_changed(self) -> None:
        """Subclasses mark their key elements according to `self._show_key`."""

    def _read_only_changed(self) -> None:
        """Subclasses stop accepting input according to `self._read_only`."""

    def _scale_changed(self) -> None:
        """Subclasses resize painted elements after the text scale changed."""

    # -- the public API ---------------------------------------------------

    def response(self) -> dict[str, Any]:
        """The draft as the scoring contract's JSON; {} when unanswered."""
        raise NotImplementedError

    def set_response(self, response: dict[str, Any]) -> None:
        """Restore a draft (resume, navigation); does not emit `changed`."""
        raise NotImplementedError

    def set_show_key(self, on: bool) -> None:
        self._show_key = bool(on)
        self._key_label.setText(self._key_text() if on else "")
        self._key_label.setVisible(on and bool(self._key_label.text()))
        self._rationale.setVisible(on and bool(self.question.rationale))
        self._show_key_changed()
        self.update()

    def show_key(self) -> bool:
        return self._show_key

    def set_read_only(self, on: bool) -> None:
        self._read_only = bool(on)
        self._read_only_changed()
        self.update()

    def read_only(self) -> bool:
        return self._read_only

    def set_text_scale(self, scale: float) -> None:
        self._scale = theme.clamp_scale(scale)
        if self._how is not None and not self._how_chosen:
            self._show_instructions(self._scale <= 1.25)
        self._apply_style()
        self._scale_changed()
        self._content.adjustSize()
        self.updateGeometry()

    def text_scale(self) -> float:
        return self._scale

    def set_image(self, image: QImage, frame: int | None = None) -> None:
        """Hotspot and caliper questions show this image; other types ignore it."""

    # -- internals ----------------------------------------------------------

    def _apply_style(self) -> None:
        pt = theme.BASE_POINT_SIZE * self._scale
        c = theme_colours()
        box = round(20 * self._scale)
        # A widget style sheet wins over the application's, so the scale holds even
        # when the theme sets a global font size.
        self.setStyleSheet(
            f"QWidget {{ font-size: {pt:.1f}pt; }}\n"
            f"QLabel#QuestionStem {{ font-size: {pt * 1.2:.1f}pt; font-weight: 600; }}\n"
            f"QLabel#MeasurementReadout {{ font-size: {pt * 1.3:.1f}pt; font-weight: 700; }}\n"
            f"QLabel#OptionShortcut, QLabel#OrderPosition {{ font-weight: 700; }}\n"
            f"QLabel#OptionShortcut {{ border: 2px solid {c.border}; border-radius: 4px;"
            f" min-width: {box}px; min-height: {box}px; padding: 1px 3px; }}\n"
            + theme.indicator_rule(self._scale)
        )

    def _on_focus_changed(self, _old: QObject | None, new: QObject | None) -> None:
        # Keyboard users never need the scroll bar: the focused control scrolls into view.
        if isinstance(new, QWidget) and self._content.isAncestorOf(new):
            self._scroll.ensureWidgetVisible(new, 24, 24)
