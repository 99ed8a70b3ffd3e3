"""Ordering questions: the candidate puts the options in order, by drag and drop or keyboard.

The list starts in the AUTHORED option order (`question.options` as written in
the case script), never in the key order; item writers are expected to author
the options in an order that is not the answer. Until the candidate moves an
item, or confirms with "Keep this order" that the starting order is their
answer, the question counts as unanswered and `response()` is {}.

Mouse: drag an item (anywhere on its row) to its new place; a line shows where
it will land. Or select it and use "Move up" / "Move down".
Keyboard: Up/Down move the focus between items, Alt+Up/Alt+Down (or
Ctrl+Up/Ctrl+Down) move the focused item one place.

Each item is a row widget with word-wrapped text (not an item view), so long
options wrap at any text size and drag and drop needs no platform drag session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.model import Option
from pocus_player.core.scoring import parse_response
from pocus_player.ui.questions.base import QuestionWidget, qcolor, theme_colours
from pocus_player.ui.reflow import ReflowRow

__all__ = ["OrderList", "OrderRow", "OrderingQuestionWidget"]


class OrderRow(QFrame):
    """One item: its position, its wrapped text and a grip; focusable and draggable."""

    def __init__(self, option: Option, owner: OrderList) -> None:
        super().__init__(owner)
        self.option = option
        self.owner = owner
        self.setObjectName("OrderItem")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(10)
        self.number = QLabel("", self)
        self.number.setObjectName("OrderPosition")
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("00.") + 4)
        self.text = QLabel(option.text, self)
        self.text.setObjectName("OrderText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.grip = QLabel("⠿", self)
        self.grip.setObjectName("OrderGrip")
        # A screen reader would read the glyph as a braille pattern: name what it is for.
        self.grip.setAccessibleName(self.tr("Drag to reorder"))
        for label in (self.number, self.text, self.grip):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.grip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleDescription(
            self.tr(
                "Alt+Up or Alt+Down (Ctrl+Up or Ctrl+Down) moves this item one place; "
                "Up and Down go to the previous or next item. It can also be dragged."
            )
        )
        self._press: QPoint | None = None
        self.dragging = False

    def set_position(self, index: int, count: int) -> None:
        self.number.setText(f"{index + 1}.")
        self.setAccessibleName(
            self.tr("Position {position} of {count}: {text}").format(
                position=index + 1, count=count, text=self.option.text
            )
        )

    # -- input ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            delta = -1 if key == Qt.Key.Key_Up else 1
            if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier):
                self.owner.move_row(self, delta)
            else:
                self.owner.focus_neighbour(self, delta)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press = event.position().toPoint()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or self.owner.read_only:
            return
        pos = event.position().toPoint()
        if not self.dragging:
            if (pos - self._press).manhattanLength() < QApplication.startDragDistance():
                return
            self.dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.update()
        self.owner.drag_over(self, self.mapTo(self.owner, pos).y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if self.dragging:
                self.mouseMoveEvent(event)
                self.dragging = False
                self.setCursor(Qt.CursorShape.OpenHandCursor)
                self.owner.drop(self)
            self._press = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.owner.set_current(self)
        self.update()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        current = self.owner.current() is self
        painter.setBrush(qcolor(c.accent, 40) if current else qcolor(c.surface))
        pen = QPen(qcolor(c.border), 1.5)
        if current:
            pen = QPen(qcolor(c.accent), 2)
        if self.dragging:
            pen.setStyle(Qt.PenStyle.DashLine)
        if self.hasFocus():
            pen = QPen(qcolor(c.focus), 3)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)


class OrderList(QWidget):
    """The rows, in order; paints the drop line while an item is dragged."""

    moved = Signal(int, int)  # from index, to index (a finished move)
    current_changed = Signal()

    def __init__(self, options: tuple[Option, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("OrderList")
        self.read_only = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.rows: list[OrderRow] = []
        self._by_id = {o.id: o for o in options}
        self._current: OrderRow | None = None
        self._drop_index: int | None = None
        self.set_order([o.id for o in options])

    # -- order ----------------------------------------------------------------

    def set_order(self, order: list[str]) -> None:
        old = {row.option.id: row for row in self.rows}
        for row in self.rows:
            self._layout.removeWidget(row)
        self.rows = [old.get(oid) or OrderRow(self._by_id[oid], self) for oid in order]
        for row in self.rows:
            self._layout.addWidget(row)
        self._layout.activate()
        self._renumber()
        if self._current not in self.rows:
            self._current = self.rows[0] if self.rows else None

    def order(self) -> list[str]:
        return [row.option.id for row in self.rows]

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows):
            row.set_position(i, len(self.rows))
        # Keep Tab order equal to the visual order.
        for a, b in zip(self.rows, self.rows[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def current(self) -> OrderRow | None:
        return self._current

    def current_index(self) -> int:
        return self.rows.index(self._current) if self._current in self.rows else -1

    def set_current(self, row: OrderRow) -> None:
        if row is not self._current:
            previous = self._current
            self._current = row
            if previous is not None:
                previous.update()
            row.update()
            self.current_changed.emit()

    def focus_neighbour(self, row: OrderRow, delta: int) -> None:
        index = self.rows.index(row) + delta
        if 0 <= index < len(self.rows):
            self.rows[index].setFocus(Qt.FocusReason.TabFocusReason)

    def move_index(self, index: int, target: int) -> bool:
        if (
            self.read_only
            or not (0 <= index < len(self.rows))
            or not (0 <= target < len(self.rows))
        ):
            return False
        if index == target:
            return False
        row = self.rows.pop(index)
        self.rows.insert(target, row)
        self._layout.removeWidget(row)
        self._layout.insertWidget(target, row)
        # Settle the geometry now, so a drag that follows at once sees the new places.
        self._layout.activate()
        self._renumber()
        self.set_current(row)
        self.moved.emit(index, target)
        return True

    def move_row(self, row: OrderRow, delta: int) -> bool:
        index = self.rows.index(row)
        moved = self.move_index(index, index + delta)
        if moved and row.hasFocus() is False and self.isVisible():
            row.setFocus(Qt.FocusReason.OtherFocusReason)
        return moved

    # -- dragging -------------------------------------------------------------

    def drag_over(self, row: OrderRow, y: int) -> None:
        """Where the dragged row would land for a pointer at height y (list coordinates)."""
        gap = len(self.rows)
        for i, other in enumerate(self.rows):
            if y < other.geometry().center().y():
                gap = i
                break
        self._drop_index = gap
        self.update()

    def drop(self, row: OrderRow) -> None:
        gap, self._drop_index = self._drop_index, None
        self.update()
        if gap is None:
            return
        index = self.rows.index(row)
        target = gap - 1 if gap > index else gap
        self.move_index(index, target)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._drop_index is None or not self.rows:
            return
        if self._drop_index < len(self.rows):
            y = self.rows[self._drop_index].geometry().top() - self._layout.spacing() / 2
        else:
            y = self.rows[-1].geometry().bottom() + self._layout.spacing() / 2
        painter = QPainter(self)
        painter.setPen(QPen(qcolor(theme_colours().focus), 4))
        painter.drawLine(4, round(y), self.width() - 4, round(y))


class OrderingQuestionWidget(QuestionWidget):
    """An ordering question: the reorderable rows, move buttons and a status line."""

    EXPANDING_BODY = False

    def instructions(self) -> str:
        return self.tr(
            "Put the items in order, first at the top. Drag an item to its place, or select it "
            "and use Move up and Move down. Keyboard: Up and Down go between items, Alt+Up and "
            "Alt+Down (or Ctrl+Up and Ctrl+Down) move the item in focus."
        )

    def _build_body(self) -> None:
        self._texts = {o.id: o.text for o in self.question.options}
        self._answered = False
        self._message = ""
        # The buttons beside the list when both fit, else in a row under it (large text).
        row = ReflowRow()
        self.list = OrderList(self.question.options, self._content)
        self.list.setAccessibleName(self.tr("Items to put in order"))
        self.list.moved.connect(self._on_moved)
        self.list.current_changed.connect(self._update_buttons)
        row.add(self.list, 1)

        buttons = ReflowRow()
        self._up = QPushButton(self.tr("Move up"), self._content)
        self._up.setObjectName("MoveUp")
        self._up.setAccessibleName(self.tr("Move up"))
        self._up.setAccessibleDescription(self.tr("Moves the selected item one place up (Alt+Up)."))
        self._up.clicked.connect(lambda: self._move_current(-1))
        self._down = QPushButton(self.tr("Move down"), self._content)
        self._down.setObjectName("MoveDown")
        self._down.setAccessibleName(self.tr("Move down"))
        self._down.setAccessibleDescription(
            self.tr("Moves the selected item one place down (Alt+Down).")
        )
        self._down.clicked.connect(lambda: self._move_current(1))
        for b in (self._up, self._down):
            buttons.add(b)
        row.add(buttons, 0)
        self._body.addWidget(row)

        status_row = ReflowRow()
        self._status = self._label("", "OrderStatus", self.tr("Order status"))
        status_row.add(self._status, 1)
        self._keep = QPushButton(self.tr("Keep this order"), self._content)
        self._keep.setObjectName("KeepOrder")
        self._keep.setAccessibleName(self.tr("Keep this order"))
        self._keep.setAccessibleDescription(
            self.tr("Records the list as it is now as your answer, without moving anything.")
        )
        self._keep.clicked.connect(self._on_keep)
        status_row.add(self._keep)
        self._body.addWidget(status_row)
        self._update_status()

    def focus_target(self) -> QWidget | None:
        return self.list.rows[0] if self.list.rows else None

    # -- moving -----------------------------------------------------------------

    def order(self) -> list[str]:
        return self.list.order()

    def _move_current(self, delta: int) -> None:
        row = self.list.current()
        if row is not None:
            self.list.move_row(row, delta)

    def _on_moved(self, _from: int, to: int) -> None:
        self._answered = True
        text = self.list.rows[to].option.text
        self._message = self.tr("Moved “{text}” to position {position} of {count}.").format(
            text=text, position=to + 1, count=len(self.list.rows)
        )
        self._emit_changed()

    def _on_keep(self) -> None:
        if self._read_only or self._answered:
            return
        self._answered = True
        self._message = self.tr("The order shown is recorded as your answer.")
        self._emit_changed()
        if self.list.rows:
            self.list.rows[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state --------------------------------------------------------------

    def _update_buttons(self) -> None:
        index = self.list.current_index()
        editable = not self._read_only
        self._up.setEnabled(editable and index > 0)
        self._down.setEnabled(editable and 0 <= index < len(self.list.rows) - 1)
        self._keep.setVisible(not self._answered)
        self._keep.setEnabled(editable)

    def _update_status(self) -> None:
        if self._answered:
            status = self._message or self.tr("Your order is recorded.")
        else:
            status = self.tr(
                "The list starts in the order the options were written. Move items, or choose "
                "“Keep this order” if it is already your answer."
            )
        self._status.setText(status)
        self._update_buttons()

    def response(self) -> dict[str, Any]:
        if not self._answered:
            return {}
        return {"order": self.order()}

    def set_response(self, response: dict[str, Any]) -> None:
        parsed = parse_response(self.question, response)
        order = parsed.get("order")
        self._answered = bool(order)
        self._message = ""
        self.list.set_order(order or [o.id for o in self.question.options])
        self._update_status()

    def _key_text(self) -> str:
        if not self.question.key:
            return ""
        steps = [f"{i + 1}. {self._texts.get(k, k)}" for i, k in enumerate(self.question.key)]
        return self.tr("Correct order:") + "\n" + "\n".join(steps)

    def _read_only_changed(self) -> None:
        self.list.read_only = self._read_only
        self._update_buttons()
