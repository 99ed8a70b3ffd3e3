"""Reading what a screen says, to find text the translations missed (tests/ui/test_i18n.py).

`screen_texts(root)` walks a widget tree and gathers every string a candidate or
proctor can see or hear: label and button texts, window titles, tooltips,
accessible names and descriptions, placeholders, combo box and list items, spin box
affixes; hidden widgets too, since they are shown later. `english_left(texts,
content)` finds, under the pseudo-locale (where every letter of a translated message
is accented), the plain ASCII words left, after taking out the case content the
screen shows (the case's own language, never translated).

To cover another screen, build it under the pseudo-locale and pass its top-level
widget, with the case content it displays, to the same two functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from pocus_player.core.model import Case, Question
from pocus_player.ui.reflow import ElidedLabel

# Three ASCII letters in a row: no translated message has them under the pseudo-locale
# (units such as "cm" and option letters are shorter).
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(what, text) for one widget's own strings (not its children's)."""
    kind = type(widget).__name__
    found = [
        (f"{kind} tooltip", widget.toolTip()),
        (f"{kind} accessible name", widget.accessibleName()),
        (f"{kind} accessible description", widget.accessibleDescription()),
    ]
    if widget.isWindow():
        found.append((f"{kind} window title", widget.windowTitle()))
    if isinstance(widget, QLabel | QAbstractButton):
        found.append((f"{kind} text", widget.text()))
    if isinstance(widget, QLineEdit):
        found.append((f"{kind} placeholder", widget.placeholderText()))
    if isinstance(widget, QPlainTextEdit):
        found.append((f"{kind} placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        found += [(f"{kind} item", widget.itemText(i)) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        found += [(f"{kind} item", widget.item(i).text()) for i in range(widget.count())]
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        found += [(f"{kind} header", header.text(c)) for c in range(widget.columnCount())]
        for item in _tree_items(widget):
            for c in range(widget.columnCount()):
                found += [(f"{kind} item", item.text(c)), (f"{kind} item tooltip", item.toolTip(c))]
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            found += [
                (f"{kind} tab", widget.tabText(i)),
                (f"{kind} tab tooltip", widget.tabToolTip(i)),
            ]
    if isinstance(widget, QSpinBox):
        found += [(f"{kind} suffix", widget.suffix()), (f"{kind} prefix", widget.prefix())]
    if isinstance(widget, QAbstractSpinBox):
        found.append((f"{kind} special value", widget.specialValueText()))
    return [(what, text) for what, text in found if text]


def _tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items, todo = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while todo:
        item = todo.pop()
        items.append(item)
        todo += [item.child(i) for i in range(item.childCount())]
    return items


def screen_texts(root: QWidget) -> list[tuple[str, str]]:
    """(what, text) for `root` and every widget inside it, shown or not."""
    found = widget_texts(root)
    for child in root.findChildren(QWidget):
        found += widget_texts(child)
    return found


def case_content(case: Case | None = None, question: Question | None = None) -> list[str]:
    """The author's text a screen may show for `case` and `question`, longest first."""
    content: list[str] = []
    if case is not None:
        content += [case.meta.title, case.meta.id]
    if question is not None:
        content += [question.stem, question.rationale or "", question.id]
        content += [o.text for o in question.options]
        content += [o.text for o in getattr(question, "display_options", ())]
        content += [r.label or "" for r in question.regions] + [r.id for r in question.regions]
        content += [o.id for o in question.options]
    return sorted({c for c in content if c}, key=len, reverse=True)


def _shown(text: str) -> str:
    """A label's or button's text as drawn: a single & marks the shortcut and is not drawn."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_off_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons of `root` that cannot show all of their text.

    A label that does not wrap needs its text's width (QFontMetrics); one that wraps,
    the height of its wrapped lines; a button, its size hint. Anything may not run past
    the right edge of `root`. An `ElidedLabel` cuts its text on purpose (the whole text
    is its tooltip and accessible name), so it is left out.
    """
    cut = []
    right_edge = root.mapToGlobal(QPoint(root.width(), 0)).x()

    def report(widget: QWidget, text: str, why: str) -> None:
        cut.append(f"{type(widget).__name__} {widget.objectName()!r} {why}: {text[:50]!r}")

    for label in root.findChildren(QLabel):
        text = label.text()
        if not text or not label.isVisibleTo(root) or isinstance(label, ElidedLabel):
            continue
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text
        )
        room = label.contentsRect()
        if label.wordWrap():
            if label.height() + 1 < label.heightForWidth(label.width()):
                report(label, text, f"is {label.height()} px tall for its wrapped lines")
        elif not rich:
            metrics = QFontMetrics(label.font())
            wide = max(metrics.horizontalAdvance(line) for line in _shown(text).split("\n"))
            if wide > room.width() + 1:
                report(label, text, f"is {room.width()} px wide for {wide} px of text")
        if label.mapToGlobal(QPoint(label.width(), 0)).x() > right_edge + 1:
            report(label, text, "runs past the right edge")
    for button in root.findChildren(QAbstractButton):
        text = button.text()
        if not text or not button.isVisibleTo(root):
            continue
        if isinstance(button, QPushButton) and "\n" not in text:
            metrics = QFontMetrics(button.font())
            if metrics.horizontalAdvance(_shown(text)) > button.contentsRect().width():
                report(button, text, f"is {button.width()} px wide")
        elif button.width() + 1 < button.sizeHint().width():
            report(button, text, f"is {button.width()} px wide, needs {button.sizeHint().width()}")
        if button.mapToGlobal(QPoint(button.width(), 0)).x() > right_edge + 1:
            report(button, text, "runs past the right edge")
    return cut


def english_left(texts: Iterable[tuple[str, str]], content: Iterable[str] = ()) -> list[str]:
    """The texts that still hold plain English once `content` is taken out."""
    content = list(content)
    left = []
    for what, text in texts:
        rest = text
        for piece in content:
            rest = rest.replace(piece, " ")
        words = ENGLISH_WORD.findall(rest)
        if words:
            left.append(f"{what}: {text!r} (plain: {', '.join(words)})")
    return left
