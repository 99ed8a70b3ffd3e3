"""Shared by the application tests: a keyboard-only driver, and reading result files with `age`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from pocus_player import resources
from pocus_player.core.journal_format import scan_frames
from pocus_player.core.model import Circle, Polygon, Question, QuestionType, Rect, Region
from pocus_player.core.pin import PinStore, ScryptParams

PIN = "2468"
FAST_SCRYPT = ScryptParams(n=2**10)  # tests only: a cheap hash; the app uses the default


def make_pin(config_dir: Path, pin: str = PIN) -> None:
    PinStore(config_dir / "pin.json", params=FAST_SCRYPT).set_pin(pin)


def exam_app(tmp_path: Path, exam: str, results: str = "r", **options: Any) -> Any:
    """The exam application offering `exam`, windowed, with a PIN and folders in `tmp_path`."""
    from pocus_player.ui.app import AppOptions, ExamApp

    make_pin(tmp_path / "cfg")
    return ExamApp(
        AppOptions(
            config_dir=tmp_path / "cfg",
            results_dir=tmp_path / results,
            exam=exam,
            kiosk=False,
            **options,
        )
    )


def decrypt_records(path: Path) -> list[dict[str, Any]]:
    """Every record of a result file, decrypted by the stock `age` CLI with the demo identity."""
    age = shutil.which("age")
    assert age, "the age CLI is needed to read result files"
    identity = resources.demo_board_identity()
    records = []
    for frame in scan_frames(path.read_bytes()).frames:
        out = subprocess.run(
            [age, "--decrypt", "-i", str(identity)],
            input=frame.block,
            capture_output=True,
            check=True,
        )
        records.append(json.loads(out.stdout))
    return records


def result_files(results_dir: Path) -> list[Path]:
    return sorted(results_dir.glob("*.pocusresult"))


def region_point(region: Region) -> tuple[int, int]:
    """A whole pixel well inside a region (a ring-shaped polygon's centroid may lie outside)."""
    from pocus_player.core.geometry import point_in_shape

    shape = region.shape
    if isinstance(shape, Circle):
        cx, cy, x0, y0, x1, y1 = (
            shape.cx,
            shape.cy,
            shape.cx - shape.r,
            shape.cy - shape.r,
            shape.cx + shape.r,
            shape.cy + shape.r,
        )
    elif isinstance(shape, Rect):
        cx, cy = shape.x + shape.w / 2, shape.y + shape.h / 2
        x0, y0, x1, y1 = shape.x, shape.y, shape.x + shape.w, shape.y + shape.h
    else:
        assert isinstance(shape, Polygon)
        xs = [p[0] for p in shape.points]
        ys = [p[1] for p in shape.points]
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)

    def roughly_inside(x: float, y: float) -> bool:
        """A float ray cast: a cheap filter before the exact test (which uses fractions)."""
        if not isinstance(shape, Polygon):
            return True
        inside, pts = False, shape.points
        for (ax, ay), (bx, by) in zip(pts, pts[1:] + pts[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
        return inside

    def deep(x: int, y: int) -> bool:  # the pixel and its neighbours 3 px away are inside
        near = [(x + dx, y + dy) for dx in (-3, 0, 3) for dy in (-3, 0, 3)]
        return all(roughly_inside(*p) for p in near) and all(
            point_in_shape(shape, *p) for p in near
        )

    pixels = [(x, y) for x in range(int(x0), int(x1) + 1) for y in range(int(y0), int(y1) + 1)]
    pixels.sort(key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
    return next(p for p in pixels if deep(*p))


class KeyboardDriver:
    """Presses keys on whatever widget has the keyboard focus, like a candidate would."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot

    def focus(self) -> QWidget:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
        w = QApplication.focusWidget()
        assert w is not None
        return w

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, mods)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def wait_focus_in(self, widget: QWidget, timeout: int = 5000) -> None:
        def inside() -> bool:
            f = QApplication.focusWidget()
            return f is not None and (f is widget or widget.isAncestorOf(f))

        self.qtbot.waitUntil(inside, timeout=timeout)

    def wait_focus_is(self, widget: QWidget, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=timeout)

    # -- answering, one question type at a time ------------------------------------

    def answer(self, widget: Any, question: Question, response: dict[str, Any]) -> None:
        """Give `response` to the focused question widget using only keys."""
        self.wait_focus_in(widget)
        qtype = question.type
        if qtype in (QuestionType.SINGLE_BEST_ANSWER, QuestionType.MULTIPLE_RESPONSE):
            ids = [o.id for o in question.display_options]
            chosen = [response["choice"]] if "choice" in response else response["choices"]
            for oid in chosen:
                self.key(Qt.Key(Qt.Key.Key_1 + ids.index(oid)))
        elif qtype is QuestionType.ORDERING:
            self._order(widget, list(response["order"]))
        elif qtype is QuestionType.HOTSPOT:
            for x, y in response["points"]:
                self._move_cursor(widget, (x, y), lambda c: c.keyboard_point)
                self.key(Qt.Key.Key_Return)
        elif qtype is QuestionType.CALIPER:
            for x, y in response["endpoints"]:
                self._move_cursor(widget, (x, y), lambda c: c.keyboard_point or c._default_cursor())
                self.key(Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: widget.response() != {}, timeout=3000)

    def _order(self, widget: Any, target: list[str]) -> None:
        rows = widget.list.rows
        for t, oid in enumerate(target):
            rows = widget.list.rows
            j = [r.option.id for r in rows].index(oid)
            focused = QApplication.focusWidget()
            at = rows.index(focused) if focused in rows else 0
            while at != j:
                self.key(Qt.Key.Key_Down if j > at else Qt.Key.Key_Up)
                at += 1 if j > at else -1
            if j == t and t == 0:
                # Already first: move it down and back up, so the order counts as answered.
                self.key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
                self.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
            for _ in range(j - t):
                self.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)

    def _move_cursor(self, widget: Any, target: tuple[float, float], where: Any) -> None:
        canvas = self.focus()
        assert canvas is widget.canvas or widget.isAncestorOf(canvas)
        x, y = where(canvas)
        tx, ty = int(target[0]), int(target[1])
        for delta, plus, minus in (
            (tx - x, Qt.Key.Key_Right, Qt.Key.Key_Left),
            (ty - y, Qt.Key.Key_Down, Qt.Key.Key_Up),
        ):
            key = plus if delta > 0 else minus
            n = abs(delta)
            for _ in range(n // 10):
                self.key(key, Qt.KeyboardModifier.ShiftModifier)
            for _ in range(n % 10):
                self.key(key)


def skip_to_checkpoint(app: Any) -> bool:
    """Scripts and screen tests only: stop the playing segment at its next checkpoint (or end) now.

    Stands in for waiting the seconds the media takes to get there (the e2e tests wait).
    """
    from pocus_player.core.session import MediaAction

    c = app.controller
    d = c.session.media_directive
    if d.action is MediaAction.PLAY_TO_END:
        c.engine.pause()
        c._on_media_ended()
        return True
    if d.action is not MediaAction.PLAY_TO_CHECKPOINT or d.checkpoint is None:
        return False
    c.engine.pause()
    c._on_checkpoint_reached(d.checkpoint.id, -1)
    return True


def accessible_problems(root: QWidget) -> list[str]:
    """Interactive, visible controls under `root` in the accessibility tree without a name."""
    from PySide6.QtGui import QAccessible

    interactive = {
        QAccessible.Role.PushButton,
        QAccessible.Role.CheckBox,
        QAccessible.Role.RadioButton,
        QAccessible.Role.ComboBox,
        QAccessible.Role.EditableText,
        QAccessible.Role.SpinBox,
        QAccessible.Role.List,
        QAccessible.Role.Slider,
        QAccessible.Role.ButtonMenu,
        QAccessible.Role.Link,
    }
    problems: list[str] = []

    def walk(iface: Any, depth: int) -> None:
        if iface is None or not iface.isValid() or depth > 60:
            return
        state = iface.state()
        if state.invisible:
            return
        obj = iface.object()
        focusable = isinstance(obj, QWidget) and obj.focusPolicy() != Qt.FocusPolicy.NoFocus
        if (iface.role() in interactive or (focusable and state.focusable)) and not iface.text(
            QAccessible.Text.Name
        ).strip():
            problems.append(f"{type(obj).__name__} {obj.objectName()!r} role {iface.role()}")
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return problems
