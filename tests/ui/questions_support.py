"""Shared pieces for the question widget tests: showing widgets, walking them, demo content."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from pocus_player.core.geometry import point_in_shape
from pocus_player.core.loader import load_case
from pocus_player.core.model import Case, Circle, Rect, Region

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "cases"
MEDIA = REPO / "assets" / "media"


def demo_case(name: str) -> Case:
    return load_case(CASES / f"{name}.yaml")


def inside_pixel(region: Region) -> tuple[int, int]:
    """A whole pixel well inside a region (near its middle), checked with the scoring geometry."""
    shape = region.shape
    if isinstance(shape, Circle):
        cx, cy = shape.cx, shape.cy
    elif isinstance(shape, Rect):
        cx, cy = shape.x + shape.w / 2, shape.y + shape.h / 2
    else:
        cx = sum(p[0] for p in shape.points) / len(shape.points)
        cy = sum(p[1] for p in shape.points) / len(shape.points)
    for dx, dy in ((0, 0), (1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (-1, -1)):
        x, y = int(cx) + dx, int(cy) + dy
        if point_in_shape(shape, x, y):
            return x, y
    raise AssertionError(f"no whole pixel found inside region {region.id!r}")


def show(qtbot, widget: QWidget, width: int = 900, height: int = 760) -> QWidget:  # type: ignore[no-untyped-def]
    """Show a top-level widget, active, so it can take keyboard focus."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def keys(qtbot, *sequence: object) -> None:  # type: ignore[no-untyped-def]
    """Type keys into whatever has the keyboard focus, as a candidate would.

    Each item is a key (Qt.Key or a one-character string) or a (key, modifier) pair.
    """
    for item in sequence:
        key, mod = item if isinstance(item, tuple) else (item, Qt.KeyboardModifier.NoModifier)
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, key, mod)


def gray_image(width: int = 480, height: int = 360) -> QImage:
    """A synthetic ultrasound-like grey gradient (neighbouring pixels differ)."""
    x = np.arange(width, dtype=np.uint32)[None, :] * 255 // max(1, width - 1)
    y = np.arange(height, dtype=np.uint32)[:, None] * 97 // max(1, height - 1)
    grey = np.ascontiguousarray(((x + y) % 256).astype(np.uint8))
    image = QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8)
    return image.convertToFormat(QImage.Format.Format_RGB32)  # a deep copy


def interactive(widget: QWidget) -> bool:
    if not widget.isVisibleTo(widget.window()):
        return False
    if isinstance(widget, QAbstractButton | QAbstractItemView | QAbstractSlider | QLineEdit):
        return True
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def unnamed_controls(root: QWidget) -> list[str]:
    """Every focusable or interactive descendant without an accessible name."""
    missing = []
    for child in root.findChildren(QWidget):
        if interactive(child) and not child.accessibleName().strip():
            missing.append(f"{type(child).__name__}#{child.objectName()}")
    return missing


def undescribed_controls(root: QWidget) -> list[str]:
    missing = []
    for child in root.findChildren(QWidget):
        if interactive(child) and not child.accessibleDescription().strip():
            missing.append(f"{type(child).__name__}#{child.objectName()}")
    return missing


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels that are shorter than their wrapped text, or wider than their window."""
    clipped = []
    window_right = root.mapToGlobal(QPoint(root.width(), 0)).x()
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        if not label.wordWrap() and label.width() + 1 < label.sizeHint().width():
            clipped.append(f"{label.objectName()} is cut off at the side: {label.text()[:40]!r}")
        if label.height() + 1 < needed:
            clipped.append(
                f"{label.objectName()} {label.height()} < {needed}: {label.text()[:40]!r}"
            )
        right = label.mapToGlobal(QPoint(label.width(), 0)).x()
        if right > window_right + 1:
            clipped.append(f"{label.objectName()} runs past the right edge: {label.text()[:40]!r}")
    return clipped
