"""Single best answer (radio buttons) and multiple response (check boxes) questions.

Each option is a full-width row: a shortcut letter, the radio button or check
box, and the word-wrapped option text. A click anywhere on the row chooses the
option, so click targets are large. Keyboard: 1-9 or A-I choose the option with
that number or letter (the letter is shown on the row), Up/Down (or Left/Right)
move the focus between options without changing the answer, Space or Enter
chooses the focused option. "A diagnosis is not possible" is a normal option
(its own number and letter) set apart by a rule and italic text; in a
multiple-response question it excludes every other choice, in either direction.
"""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from pocus_player.core.model import NOT_POSSIBLE, Option, QuestionType
from pocus_player.core.scoring import parse_response
from pocus_player.ui.questions.base import QuestionWidget, qcolor, theme_colours

__all__ = ["ChoiceQuestionWidget"]

LETTERS = string.ascii_uppercase[:9]  # A-I: one letter per number key 1-9


def _paint_indicator(button: QAbstractButton, round_: bool) -> None:
    """A large, high-contrast radio circle or check box (the native ones are faint)."""
    c = theme_colours()
    painter = QPainter(button)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    side = min(button.width(), button.height()) - 4
    box = QRectF((button.width() - side) / 2, (button.height() - side) / 2, side, side)
    checked = button.isChecked()
    painter.setPen(QPen(qcolor(c.accent if checked else c.muted), 2))
    painter.setBrush(qcolor(c.surface))
    if round_:
        painter.drawEllipse(box)
        if checked:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(c.accent))
            inner = side * 0.28
            painter.drawEllipse(box.center(), inner, inner)
    else:
        if checked:
            painter.setBrush(qcolor(c.accent))
        painter.drawRoundedRect(box, 3, 3)
        if checked:
            tick = QPen(qcolor(c.accent_text), max(2.0, side / 8))
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            x, y, w = box.x(), box.y(), box.width()
            painter.drawPolyline(
                [
                    QPointF(x + w * 0.22, y + w * 0.52),
                    QPointF(x + w * 0.42, y + w * 0.72),
                    QPointF(x + w * 0.78, y + w * 0.3),
                ]
            )
    if button.hasFocus():
        painter.setPen(QPen(qcolor(c.focus), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(button.rect()).adjusted(1, 1, -1, -1), 4, 4)
    painter.end()


class _LargeIndicator:
    """A radio button or check box drawn large, with strong contrast, clickable all over."""

    ROUND = False

    def sizeHint(self) -> QSize:
        side = round(self.fontMetrics().height() * 1.3) + 6  # type: ignore[attr-defined]
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # type: ignore[attr-defined,no-any-return]

    def paintEvent(self, event: QPaintEvent) -> None:
        _paint_indicator(self, round_=self.ROUND)  # type: ignore[arg-type]


class OptionRadio(_LargeIndicator, QRadioButton):
    ROUND = True


class OptionCheck(_LargeIndicator, QCheckBox):
    ROUND = False


class OptionRow(QFrame):
    """One option: letter badge, radio button / check box, wrapped text; the whole row clicks."""

    def __init__(self, option: Option, index: int, multiple: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.option = option
        self.index = index
        self.letter = LETTERS[index] if index < len(LETTERS) else ""
        self.not_possible = option.id == NOT_POSSIBLE
        self.key_correct = False
        self.setObjectName("QuestionOption")
        self.setProperty("notPossible", self.not_possible)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        self.badge = QLabel(self.letter, self)
        self.badge.setObjectName("OptionShortcut")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button: QAbstractButton = OptionCheck(self) if multiple else OptionRadio(self)
        self.button.setObjectName("OptionButton")
        # The "not possible" option is the interface's, not the author's: it is translated.
        shown = (
            self.tr("A diagnosis is not possible from the information given")
            if self.not_possible
            else option.text
        )
        self.text = QLabel(shown, self)
        self.text.setObjectName("OptionText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        if self.not_possible:
            font = self.text.font()
            font.setItalic(True)
            self.text.setFont(font)
        self.key_tag = QLabel(self.tr("Correct answer"), self)
        self.key_tag.setObjectName("OptionKeyTag")
        self.key_tag.setProperty("role", "ok")
        self.key_tag.hide()
        for label in (self.badge, self.text, self.key_tag):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.key_tag, 0, Qt.AlignmentFlag.AlignVCenter)

        self._describe(shown, multiple)
        self.button.toggled.connect(lambda _on: self.update())
        self.button.installEventFilter(self)
        self._read_only = False

    def _describe(self, shown: str, multiple: bool) -> None:
        """The button's name (letter and text) and how to answer with it by keyboard."""
        number = self.index + 1
        keys = bool(self.letter) and number <= 9
        self.button.setAccessibleName(
            self.tr("Option {letter}: {text}").format(letter=self.letter, text=shown)
            if self.letter
            else shown
        )
        if multiple and keys:
            description = self.tr(
                "Tick or untick this option with Space, or press {number} or {letter}."
            )
        elif multiple:
            description = self.tr("Tick or untick this option with Space.")
        elif keys:
            description = self.tr("Choose this option with Space, or press {number} or {letter}.")
        else:
            description = self.tr("Choose this option with Space.")
        description = description.format(number=number, letter=self.letter)
        description += " " + self.tr("Up and Down move between options.")
        if self.not_possible and multiple:
            description += " " + self.tr("Ticking it clears the other options.")
        self.button.setAccessibleDescription(description)

    def set_read_only(self, on: bool) -> None:
        self._read_only = on
        self.setCursor(Qt.CursorShape.ArrowCursor if on else Qt.CursorShape.PointingHandCursor)

    def set_key_correct(self, on: bool) -> None:
        self.key_correct = on
        self.key_tag.setVisible(on)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button:
            if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self.update()
            elif self._read_only and event.type() in (
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseButtonRelease,
                QEvent.Type.MouseButtonDblClick,
            ):
                if event.type() == QEvent.Type.MouseButtonPress:
                    self.button.setFocus(Qt.FocusReason.MouseFocusReason)
                return True  # read-only: the answer stays as it is
        return False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
            and not self._read_only
        ):
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the click completes on release, like a button

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        fill = qcolor(c.surface)
        if self.button.isChecked():
            fill = qcolor(c.accent, 40)
        painter.setBrush(fill)
        border = qcolor(c.border)
        width = 1.5
        style = Qt.PenStyle.SolidLine
        if self.not_possible:
            # Set apart from the clinical options: a dashed, darker edge.
            border, width, style = qcolor(c.muted), 1.5, Qt.PenStyle.DashLine
        if self.button.isChecked():
            border, width = qcolor(c.accent), 2.0
        if self.show_key_correct():
            border, width, style = qcolor(c.ok), 3.0, Qt.PenStyle.SolidLine
        if self.button.hasFocus():
            border, width, style = qcolor(c.focus), 3.0, Qt.PenStyle.SolidLine
        pen = QPen(border, width)
        pen.setStyle(style)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)

    def show_key_correct(self) -> bool:
        return self.key_correct


class ChoiceQuestionWidget(QuestionWidget):
    """Single best answer or multiple response; the type comes from the question."""

    EXPANDING_BODY = False

    def instructions(self) -> str:
        n = len(self.question.display_options)
        last = LETTERS[min(n, len(LETTERS)) - 1]
        keys = (
            self.tr("press 1–{digit} or A–{letter}").format(digit=min(n, 9), letter=last)
            if n > 1
            else self.tr("press 1 or A")
        )
        if self.question.type is QuestionType.MULTIPLE_RESPONSE:
            return self.tr(
                "Tick every option that applies. Click an option, or {keys}, to tick or untick it. "
                "Up and Down move between options; Space ticks the one in focus."
            ).format(keys=keys)
        return self.tr(
            "Choose one answer. Click an option, or {keys}. "
            "Up and Down move between options; Space chooses the one in focus."
        ).format(keys=keys)

    def _build_body(self) -> None:
        self.multiple = self.question.type is QuestionType.MULTIPLE_RESPONSE
        self.rows: list[OptionRow] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(not self.multiple)
        self._restoring = False
        for i, option in enumerate(self.question.display_options):
            row = OptionRow(option, i, self.multiple, self._content)
            if row.not_possible and i > 0:
                rule = QFrame(self._content)
                rule.setObjectName("NotPossibleRule")
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                self._body.addSpacing(6)
                self._body.addWidget(rule)
                self._body.addSpacing(6)
            self._group.addButton(row.button, i)
            row.button.installEventFilter(self)
            row.button.toggled.connect(lambda on, r=row: self._on_toggled(r, on))
            self._body.addWidget(row)
            self.rows.append(row)

    def focus_target(self) -> QWidget | None:
        return self.rows[0].button if self.rows else None

    # -- input ------------------------------------------------------------

    def _row_for_key(self, event: QKeyEvent) -> int | None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            index = key - Qt.Key.Key_1
        elif Qt.Key.Key_A <= key <= Qt.Key.Key_I:
            index = key - Qt.Key.Key_A
        else:
            return None
        return index if index < len(self.rows) else None

    def _choose(self, index: int) -> None:
        row = self.rows[index]
        row.button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self._read_only:
            return
        if self.multiple or not row.button.isChecked():
            row.button.click()

    def _handle_key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        index = self._row_for_key(event)
        if index is not None:
            self._choose(index)
            return True
        key = event.key()
        focused = next((i for i, r in enumerate(self.rows) if r.button.hasFocus()), None)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Right):
            step = -1 if key in (Qt.Key.Key_Up, Qt.Key.Key_Left) else 1
            current = focused if focused is not None else (-1 if step > 0 else len(self.rows))
            target = max(0, min(len(self.rows) - 1, current + step))
            self.rows[target].button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and focused is not None:
            if event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
                self._choose(focused)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(
            watched, QAbstractButton
        ):
            assert isinstance(event, QKeyEvent)
            if event.type() == QEvent.Type.KeyRelease:
                # Space is handled on press; the button must not act on release too.
                return event.key() == Qt.Key.Key_Space
            return self._handle_key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _on_toggled(self, row: OptionRow, on: bool) -> None:
        if self._restoring:
            return
        if self.multiple and on:
            # "Not possible" excludes every other choice, whichever was ticked last.
            self._restoring = True
            try:
                for other in self.rows:
                    if other is not row and (row.not_possible or other.not_possible):
                        other.button.setChecked(False)
            finally:
                self._restoring = False
        if on or self.multiple:
            self._emit_changed()

    # -- state --------------------------------------------------------------

    def response(self) -> dict[str, Any]:
        chosen = [r.option.id for r in self.rows if r.button.isChecked()]
        if not chosen:
            return {}
        if self.multiple:
            return {"choices": chosen}
        return {"choice": chosen[0]}

    def set_response(self, response: dict[str, Any]) -> None:
        parsed = parse_response(self.question, response)
        if self.multiple:
            wanted = set(parsed.get("choices", []))
        else:
            wanted = {parsed["choice"]} if "choice" in parsed else set()
        self._restoring = True
        try:
            self._group.setExclusive(False)
            for row in self.rows:
                row.button.setChecked(row.option.id in wanted)
            self._group.setExclusive(not self.multiple)
        finally:
            self._restoring = False
        self._update_status()

    def _key_text(self) -> str:
        names = [
            f"{self.rows[i].letter} – {self.rows[i].text.text()}"
            for k in self.question.key
            for i, r in enumerate(self.rows)
            if r.option.id == k
        ]
        if not names:
            return ""
        head = self.tr("Correct answers: {options}") if self.multiple else self.tr(
            "Correct answer: {options}"
        )
        return head.format(options="; ".join(names))

    def _show_key_changed(self) -> None:
        key = set(self.question.key)
        for row in self.rows:
            row.set_key_correct(self._show_key and row.option.id in key)

    def _read_only_changed(self) -> None:
        for row in self.rows:
            row.set_read_only(self._read_only)
