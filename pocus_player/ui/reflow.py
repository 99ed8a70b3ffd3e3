"""Pieces that let a screen fit the minimum display (1024x768) at any text size.

`ReflowRow` lays its widgets side by side when they fit and one under the other
when they do not, so a row of buttons never makes the window wider than the
screen. `ElidedLabel` shows one line cut with "…" when it is too long; the full
text stays in its tooltip and accessible name. `WrapButton` is a push button whose
text wraps onto more lines (and the button grows taller) when it is narrow.

A window's minimum width is the sum of the minimum widths of what sits side by
side in it; these two keep that sum small (`minimumSizeHint()`), which is what
stops a window growing past 1024 pixels at 200 % text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

__all__ = ["ElidedLabel", "ReflowRow", "WrapButton"]

_LTR = QBoxLayout.Direction.LeftToRight
_TTB = QBoxLayout.Direction.TopToBottom


class ReflowRow(QWidget):
    """A row of widgets that becomes a column when the row does not fit its width."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 8) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(_LTR, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self._box.addWidget(widget, stretch)
        return widget

    def add_stretch(self, stretch: int = 1) -> None:
        self._box.addStretch(stretch)

    def is_row(self) -> bool:
        return self._box.direction() == _LTR

    def _widgets(self) -> list[QWidget]:
        out = []
        for i in range(self._box.count()):
            item = self._box.itemAt(i)
            w = item.widget() if item is not None else None
            if w is not None and not w.isHidden():
                out.append(w)
        return out

    def row_width(self) -> int:
        """The width the widgets need side by side (their preferred sizes)."""
        widgets = self._widgets()
        if not widgets:
            return 0
        return sum(w.sizeHint().width() for w in widgets) + self._box.spacing() * (len(widgets) - 1)

    def minimumSizeHint(self) -> QSize:
        widgets = self._widgets()
        if not widgets:
            return QSize(0, 0)
        width = max(w.minimumSizeHint().width() for w in widgets)
        if self.is_row():
            height = max(w.minimumSizeHint().height() for w in widgets)
        else:
            height = sum(w.minimumSizeHint().height() for w in widgets)
            height += self._box.spacing() * (len(widgets) - 1)
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        """Always the row's width (what it would like), so that once it is a column it
        becomes a row again as soon as it is given the room."""
        widgets = self._widgets()
        if not widgets:
            return QSize(0, 0)
        if self.is_row():
            height = max(w.sizeHint().height() for w in widgets)
        else:
            height = sum(w.sizeHint().height() for w in widgets)
            height += self._box.spacing() * (len(widgets) - 1)
        return QSize(self.row_width(), height)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._reflow(self.width())  # a child's size changed (e.g. its text)
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._reflow(self.width())

    def _reflow(self, width: int) -> None:
        wanted = _LTR if self.row_width() <= width else _TTB
        if wanted != self._box.direction():
            self._box.setDirection(wanted)
            self.updateGeometry()


class ElidedLabel(QLabel):
    """One line of text, cut with "…" to the width it is given.

    The full text is the tooltip and, after `prefix`, the accessible name, so a
    screen reader hears "Case: Blunt abdominal trauma…" in full even when the
    screen shows it cut.
    """

    def __init__(self, text: str = "", prefix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)
        self.setAccessibleName(
            self.tr("{prefix}: {text}").format(prefix=self._prefix, text=text)
            if self._prefix
            else text
        )

    def full_text(self) -> str:
        return self.text()

    def is_elided(self) -> bool:
        rect = self.contentsRect()
        return self.fontMetrics().horizontalAdvance(self.text()) > rect.width()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 8), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()) | int(Qt.TextFlag.TextSingleLine), text)
        painter.end()


class WrapButton(QPushButton):
    """A push button whose text wraps to the width it is given, growing taller instead of wider.

    It would like to be no wider than `WRAP_CHARS` average characters (its size hint),
    so a long clip title never widens the panel it sits in; narrower still, its words
    wrap onto more lines. The text itself is unchanged (`text()`, the accessible name).
    """

    WRAP_CHARS = 24
    _FLAGS = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _padding(self) -> QSize:
        """What the style adds around the text: the natural size less the text's own."""
        natural = super().sizeHint()
        text = self._text_rect(10_000)
        return QSize(max(0, natural.width() - text.width()), max(0, natural.height() - text.height()))

    def _text_rect(self, width: int) -> QRect:
        bound = QRect(0, 0, max(1, width), 100_000)
        return self.fontMetrics().boundingRect(bound, self._FLAGS, self.text())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pad = self._padding()
        return self._text_rect(width - pad.width()).height() + pad.height()

    def sizeHint(self) -> QSize:
        natural = super().sizeHint()
        cap = self._padding().width() + self.fontMetrics().averageCharWidth() * self.WRAP_CHARS
        width = min(natural.width(), max(cap, self.minimumSizeHint().width()))
        return QSize(width, max(natural.height(), self.heightForWidth(width)))

    def minimumSizeHint(self) -> QSize:
        words = self.text().replace("\n", " ").split() or [""]
        widest = max(self.fontMetrics().horizontalAdvance(w) for w in words)
        width = min(super().sizeHint().width(), widest + self._padding().width())
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the bevel and focus frame only; the text is drawn wrapped below
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        pad = self._padding()
        room = self.rect().adjusted(pad.width() // 2, 0, -(pad.width() - pad.width() // 2), 0)
        self.style().drawItemText(
            painter,
            room,
            self._FLAGS,
            self.palette(),
            self.isEnabled(),
            self.text(),
            self.foregroundRole(),
        )
        painter.end()
