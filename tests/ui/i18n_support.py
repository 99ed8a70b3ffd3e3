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

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from pocus_player.core.model import Case, Question

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
    if isinstance(widget, QSpinBox):
        found += [(f"{kind} suffix", widget.suffix()), (f"{kind} prefix", widget.prefix())]
    if isinstance(widget, QAbstractSpinBox):
        found.append((f"{kind} special value", widget.specialValueText()))
    return [(what, text) for what, text in found if text]


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
