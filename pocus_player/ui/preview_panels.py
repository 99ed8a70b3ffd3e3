"""The preview window's panels: problems, transport, follow bar, questions and the case's map.

Each panel builds its own widgets and says what the author did through its
signals; it holds no rule of the preview (those are core/preview.py's) and
knows nothing of the engine. The window connects them all in
`PreviewWindow._connect_signals`.

Signals:
    ProblemsPanel.locationActivated(object, int)   open this file at this line
    TransportBar.seekRequested(int)      a frame (video) or ms (audio) to show
    TransportBar.stepRequested(int)      frames (or seconds) to step by
    TransportBar.playToggled()
    TransportBar.clipChosen(str)         a media id
    TransportBar.scrubbed(int)           the slider is being dragged to this value
    FollowBar.skipRequested()
    FollowBar.branchRequested(object)    the `GraphEdge` chosen
    QuestionsPanel.checkRequested(), keyRequested(), clearRequested(),
    QuestionsPanel.answerChanged(), questionSelected()
    CasePanel.targetActivated(object)    an `OutlineTarget`
"""

from __future__ import annotations

import logging
import os
import shlex
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QProcess,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.case_map import Coverage, OutlineTarget
from pocus_player.core.errors import Problem
from pocus_player.core.model import END, Case
from pocus_player.core.preview import BranchChoice
from pocus_player.ui.case_outline import (
    OTHERWISE,
    BranchGraph,
    CaseOutline,
    CoverageView,
    edge_label,
)
from pocus_player.ui.reflow import ElidedLabel, ReflowRow

log = logging.getLogger(__name__)

_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# A problem's severity as the core writes it, and as the panel shows it (translated).
SEVERITIES = {
    "error": str(QT_TRANSLATE_NOOP("ProblemsPanel", "error")),
    "warning": str(QT_TRANSLATE_NOOP("ProblemsPanel", "warning")),
}


def open_in_editor(path: Path, line: int = 0) -> bool:
    """Open `path` at `line`: $VISUAL or $EDITOR with +LINE when set, else the desktop's choice."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        argv = shlex.split(editor)
        if line > 0:
            argv.append(f"+{line}")
        argv.append(str(path))
        ok, _pid = QProcess.startDetached(argv[0], argv[1:])
        if not ok:
            log.warning("cannot start the editor %r", argv[0])
        return bool(ok)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _row(*widgets: QWidget) -> QWidget:
    """Widgets that stay side by side (a group inside a `ReflowRow`)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    return box


def repolish(widget: QWidget) -> None:
    """Apply a changed `role` property to the widget's style."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ProblemsPanel(QWidget):
    """Validation errors and lint warnings with file:line:col; activating one opens the editor."""

    locationActivated = Signal(object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("problemList")
        # Wrapped rows: the panel is narrow, and a message must be readable whole.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setAccessibleDescription(
            self.tr("Errors and warnings; press Enter or double-click to open the file at the line")
        )
        self.list.itemActivated.connect(self._on_activated)
        self.status_label = QLabel()
        self.status_label.setObjectName("reloadStatus")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel(self.tr("Problems"))
        self.title.setObjectName("Subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.status_label)
        layout.addWidget(self.list, 1)

    def show_problems(
        self, problems: list[Problem], *, failed: bool, script: str, has_case: bool
    ) -> None:
        self.list.clear()
        for p in problems:
            where = p.path.name + (f":{p.line}:{p.col}" if p.line else "")
            severity = QCoreApplication.translate(
                "ProblemsPanel", SEVERITIES.get(p.severity, p.severity)
            )
            item = QListWidgetItem(f"{severity} · {where}\n{p.message}")
            item.setData(Qt.ItemDataRole.UserRole, (str(p.path), p.line, p.col))
            item.setData(_ROW_ROLE, (p.severity, where, p.message))
            item.setToolTip(
                self.tr("{path}\nDouble-click to open it at line {line}.").format(
                    path=p.path, line=p.line
                )
            )
            self.list.addItem(item)
        stamp = time.strftime("%H:%M:%S")
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        if failed:
            if has_case:
                text = self.tr(
                    "{time}: {script} has %n error(s); the last valid version stays on screen. "
                    "Double-click a problem to open it.",
                    "",
                    errors,
                )
            else:
                text = self.tr(
                    "{time}: {script} has %n error(s). Double-click a problem to open it.",
                    "",
                    errors,
                )
            text = text.format(time=stamp, script=script)
            self.status_label.setProperty("role", "error")
        else:
            text = self.tr("{time}: {script} loaded, %n warning(s).", "", warnings).format(
                time=stamp, script=script
            )
            self.status_label.setProperty("role", "warning" if warnings else "ok")
        self.status_label.setText(text)
        repolish(self.status_label)

    def note(self, note: str) -> None:
        self.status_label.setText(
            self.tr("{status} ({note})").format(status=self.status_label.text(), note=note)
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """The panel as (severity, "file:line:col", message) rows, in order."""
        return [self.list.item(i).data(_ROW_ROLE) for i in range(self.list.count())]

    def _on_activated(self, item: QListWidgetItem) -> None:
        path, line, _c = item.data(Qt.ItemDataRole.UserRole)
        self.locationActivated.emit(Path(path), int(line))


class TimelineSlider(QSlider):
    """A horizontal slider that also marks the checkpoints on its groove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._marks: list[int] = []
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(self.tr("Drag to scrub; the ticks are checkpoints"))

    def set_marks(self, values: list[int]) -> None:
        self._marks = values
        self.update()

    def marks(self) -> list[int]:
        return list(self._marks)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks or self.maximum() <= self.minimum():
            return
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().highlight().color(), 3))
        for value in self._marks:
            x = (
                groove.x()
                + handle.width() / 2
                + QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, span)
            )
            painter.drawLine(int(x), groove.top() - 4, int(x), groove.bottom() + 4)
        painter.end()


class TransportBar(QWidget):
    """The clip chooser, frame stepping, play/pause, the timeline and the position."""

    seekRequested = Signal(int)
    stepRequested = Signal(int)
    playToggled = Signal()
    clipChosen = Signal(str)
    scrubbed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clip_label = QLabel(self.tr("Clip:"))
        self.clip_combo = QComboBox()
        self.clip_combo.setAccessibleName(self.tr("Clip to review"))
        icon = self.style().standardIcon
        self.start_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSkipBackward), "")
        self.start_button.setToolTip(self.tr("Back to the start"))
        self.start_button.setAccessibleName(self.tr("Back to the start"))
        self.back_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSeekBackward), "1")
        self.back_button.setToolTip(self.tr("One frame back (comma)"))
        self.back_button.setAccessibleName(self.tr("One frame back"))
        self.back_button.setShortcut(QKeySequence(Qt.Key.Key_Comma))
        self.play_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaPlay), "")
        self.play_button.setToolTip(self.tr("Play or pause"))
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.forward_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSeekForward), "1")
        self.forward_button.setToolTip(self.tr("One frame forward (full stop)"))
        self.forward_button.setAccessibleName(self.tr("One frame forward"))
        self.forward_button.setShortcut(QKeySequence(Qt.Key.Key_Period))
        self.timeline = TimelineSlider()
        self.timeline.setTracking(False)
        self.scrub_timer = QTimer(self)
        self.scrub_timer.setSingleShot(True)
        self.scrub_timer.setInterval(120)
        self.position_label = QLabel("")
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAccessibleName(self.tr("Media position"))
        # The chooser, the buttons and the position side by side when they fit, else
        # one under the other: the column stays narrow at 200 % text.
        self.clip_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.clip_combo.setMinimumContentsLength(8)
        self.chooser = chooser = _row(self.clip_label, self.clip_combo)
        buttons = _row(self.start_button, self.back_button, self.play_button, self.forward_button)
        self.controls = ReflowRow()
        self.controls.add(chooser)
        self.controls.add(buttons)
        self.controls.add_stretch()
        self.controls.add(self.position_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timeline)
        layout.addWidget(self.controls)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.clip_combo.activated.connect(self._on_clip)
        self.start_button.clicked.connect(lambda: self.seekRequested.emit(0))
        self.back_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.forward_button.clicked.connect(lambda: self.stepRequested.emit(1))
        self.play_button.clicked.connect(self.playToggled)
        self.timeline.sliderMoved.connect(self._on_scrub)
        self.timeline.sliderReleased.connect(self._seek_to_slider)
        self.timeline.actionTriggered.connect(self._on_slider_action)
        self.scrub_timer.timeout.connect(self._seek_to_slider)

    def stop(self) -> None:
        self.scrub_timer.stop()

    def set_clips(self, clips: list[tuple[str, str]]) -> None:
        """(media id, label) of the clips of the step; the chooser shows when there are several."""
        self.clip_combo.clear()
        for mid, label in clips:
            self.clip_combo.addItem(label, mid)
        self.chooser.setVisible(len(clips) > 1)

    def set_timed(self, timed: bool) -> None:
        for w in (
            self.start_button,
            self.back_button,
            self.play_button,
            self.forward_button,
            self.timeline,
        ):
            w.setEnabled(timed)

    def set_playing(self, playing: bool) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(pixmap))

    def show_value(self, value: int) -> None:
        """Move the slider to where the media is (unless the author is dragging it)."""
        if not self.timeline.isSliderDown():
            self.timeline.blockSignals(True)
            self.timeline.setValue(value)
            self.timeline.blockSignals(False)

    def _on_clip(self, index: int) -> None:
        mid = self.clip_combo.itemData(index)
        if mid:
            self.clipChosen.emit(mid)

    def _on_scrub(self, value: int) -> None:
        self.scrubbed.emit(value)
        self.scrub_timer.start()

    def _on_slider_action(self, action: int) -> None:
        if QSlider.SliderAction(action) in (
            QSlider.SliderAction.SliderMove,
            QSlider.SliderAction.SliderNoAction,
        ):
            return
        QTimer.singleShot(0, self._seek_to_slider)

    def _seek_to_slider(self) -> None:
        self.scrub_timer.stop()
        self.seekRequested.emit(self.timeline.sliderPosition())


class FollowBar(QWidget):
    """Follow mode: where the case is, skipping ahead, and the branches a checkpoint offers."""

    skipRequested = Signal()
    branchRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One line (cut with "…", the whole in its tooltip): a short column at 200 % text
        # has no room for the wrapped lines.
        self.follow_label = ElidedLabel()
        self.follow_label.setProperty("role", "muted")
        self.skip_button = QPushButton(self.tr("Skip to checkpoint"))
        self.branch_combo = QComboBox()
        self.branch_combo.setAccessibleName(self.tr("Branch to take"))
        self.branch_button = QPushButton(self.tr("Take branch"))
        self.branch_button.setToolTip(self.tr("Fill in answers that lead along the chosen branch"))
        self.branch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.branch_combo.setMinimumContentsLength(10)
        self.controls = ReflowRow()
        self.controls.add(self.skip_button)
        self.controls.add(_row(self.branch_combo, self.branch_button), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.follow_label)
        layout.addWidget(self.controls)
        self.skip_button.clicked.connect(self.skipRequested)
        self.branch_button.clicked.connect(self._on_branch)

    def set_choices(self, choices: list[BranchChoice]) -> None:
        self.branch_combo.clear()
        for choice in choices:
            edge = choice.edge
            dst = self.tr("the end") if edge.dst == END else edge.dst
            label = (
                edge_label(edge)
                if edge.label
                else QCoreApplication.translate("CaseOutline", OTHERWISE)
            )
            text = self.tr("→ {step}: {label}").format(step=dst, label=label)
            if choice.leads_here:
                text = self.tr("{choice} (the answers now lead here)").format(choice=text)
            self.branch_combo.addItem(text, edge)
            if choice.leads_here:
                self.branch_combo.setCurrentIndex(self.branch_combo.count() - 1)
        self.branch_combo.setVisible(bool(choices))
        self.branch_button.setVisible(bool(choices))

    def set_skip(self, enabled: bool, text: str | None = None) -> None:
        self.skip_button.setEnabled(enabled)
        if text is not None:
            self.skip_button.setText(text)

    def _on_branch(self) -> None:
        edge = self.branch_combo.currentData()
        if edge is not None:
            self.branchRequested.emit(edge)


class QuestionsPanel(QWidget):
    """The questions shown here as tabs, checking and keying the answers, and the score."""

    checkRequested = Signal()
    keyRequested = Signal()
    clearRequested = Signal()
    answerChanged = Signal()
    questionSelected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("questionTabs")
        self.tabs.setAccessibleName(self.tr("Questions"))
        self.check_button = QPushButton(self.tr("Check answer"))
        self.check_button.setProperty("role", "primary")
        self.check_button.setToolTip(self.tr("Score the answers given, as the exam would"))
        self.key_button = QPushButton(self.tr("Answer with the key"))
        self.clear_button = QPushButton(self.tr("Clear answers"))
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setAccessibleName(self.tr("Score"))
        self.widgets: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        # One row when they fit; else "Check answer" above the other two (in a row of their
        # own when those fit): at 200 % text three stacked buttons ate the question's room.
        keying = ReflowRow()
        keying.add(self.key_button)
        keying.add(self.clear_button)
        self.buttons = ReflowRow()
        self.buttons.add(self.check_button)
        self.buttons.add(keying)
        self.buttons.add_stretch()
        layout.addWidget(self.buttons)
        layout.addWidget(self.result_label)
        self.tabs.currentChanged.connect(lambda _i: self.questionSelected.emit())
        self.check_button.clicked.connect(self.checkRequested)
        self.key_button.clicked.connect(self.keyRequested)
        self.clear_button.clicked.connect(self.clearRequested)

    def show_widgets(self, widgets: dict[str, Any], *, select: str | None = None) -> None:
        """Replace the questions shown with these widgets (question id -> widget)."""
        self.tabs.blockSignals(True)
        while self.tabs.count():
            w = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if w is not None:
                w.deleteLater()
        self.widgets = dict(widgets)
        for qid, widget in widgets.items():
            widget.changed.connect(self.answerChanged)
            points = QLocale().toString(float(widget.question.points), "g", 6)
            self.tabs.addTab(
                widget, self.tr("{question} ({points} pt)").format(question=qid, points=points)
            )

        if select in self.widgets:
            self.tabs.setCurrentIndex(list(self.widgets).index(select))
        self.tabs.blockSignals(False)
        has = bool(widgets)
        for b in (self.check_button, self.key_button, self.clear_button):
            b.setEnabled(has)
        self.result_label.setText(
            ""
            if has
            else self.tr("No questions here; pick a checkpoint or a question in the outline.")
        )
        self.result_label.setVisible(bool(self.result_label.text()))
        self.result_label.setProperty("role", "muted")
        repolish(self.result_label)

    def selected(self) -> Any:
        return getattr(self.tabs.currentWidget(), "question", None)

    def show_result(self, lines: list[str], *, ok: bool) -> None:
        self.result_label.setText("\n".join(lines))
        self.result_label.setVisible(bool(lines))
        self.result_label.setProperty("role", "ok" if ok else "warning")
        repolish(self.result_label)

    def answers(self) -> list[tuple[Any, dict[str, Any]]]:
        """(question, response) of every question shown."""
        return [(w.question, w.response()) for w in self.widgets.values()]


class CasePanel(QTabWidget):
    """The case's outline, branch graph and coverage, as tabs."""

    targetActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = CaseOutline()
        self.graph = BranchGraph()
        graph_scroll = QScrollArea()
        graph_scroll.setWidget(self.graph)
        graph_scroll.setWidgetResizable(True)
        self.coverage_view = CoverageView()
        # Scrolled, so that the tabs can be short when they fold under the media.
        coverage_scroll = QScrollArea()
        coverage_scroll.setWidget(self.coverage_view)
        coverage_scroll.setWidgetResizable(True)
        coverage_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addTab(self.outline, self.tr("Outline"))
        self.addTab(graph_scroll, self.tr("Branches"))
        self.addTab(coverage_scroll, self.tr("Coverage"))
        self.outline.targetActivated.connect(self.targetActivated)
        self.graph.stepClicked.connect(lambda sid: self.targetActivated.emit(OutlineTarget(sid)))

    def set_case(self, case: Case) -> None:
        self.outline.set_case(case)
        self.graph.set_case(case)

    def set_coverage(self, case: Case, coverage: Coverage) -> None:
        self.outline.set_coverage(coverage)
        self.graph.set_coverage(coverage)
        self.coverage_view.update_from(case, coverage)


__all__ = [
    "CasePanel",
    "FollowBar",
    "ProblemsPanel",
    "QuestionsPanel",
    "TimelineSlider",
    "TransportBar",
    "open_in_editor",
    "repolish",
]
