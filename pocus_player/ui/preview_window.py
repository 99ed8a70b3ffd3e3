"""The item writer's preview: the candidate's view of a case beside its outline, reloaded live.

Left, what a candidate sees: the media (with captions), a free timeline with
scrubbing and frame stepping, and the questions of the current checkpoint.
Right, the case: an outline (steps, checkpoints with their times and frames,
questions, branches), the branch graph and the coverage of this preview.
Below, the problems: validation errors and lint warnings with line:col;
double-click one to open the file there in the editor.

Two ways to move through a case:

- Browse (the default): activate any step, checkpoint or question in the
  outline (or a step in the graph) to go straight there; the media seeks to
  the checkpoint's authored frame and stops. "Check answer" scores the
  answers given with `pocus_player.core.scoring.score` and shows the rule that
  matched.
- Follow: an `ExamSession` in practice mode on a virtual clock (timers never
  run out while the author reads), driven as the exam application drives it;
  "Skip to checkpoint" saves waiting for the media, and "Take branch" fills in
  answers that lead along the branch chosen.

"Show key" marks the correct options, draws hotspot regions and the caliper's
expected endpoints and tolerance band, and shows the rationale.

Saving the script, a caption file or a media file reloads the case within a
second, keeping the current position when it still exists. While the script
is invalid the last valid version stays on screen and the panel lists why.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import shlex
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStyle,
    QStyleOptionSlider,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core import branching, scoring
from pocus_player.core.captions import CaptionError
from pocus_player.core.clock import VirtualClock
from pocus_player.core.errors import CaseValidationError, Problem, ResponseError, SessionError
from pocus_player.core.geometry import CalibrationError
from pocus_player.core.journal_api import MemoryJournal
from pocus_player.core.lint import lint_case, satisfying_responses
from pocus_player.core.loader import load_case
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import (
    END,
    Case,
    Checkpoint,
    MediaItem,
    MediaKind,
    Mode,
    Question,
    Step,
    StepType,
)
from pocus_player.core.session import ExamSession, MediaAction
from pocus_player.ui.captions_view import CaptionOverlay
from pocus_player.ui.case_outline import (
    BranchGraph,
    CaseOutline,
    Coverage,
    CoverageView,
    OutlineTarget,
    checkpoint_label,
    format_time,
    graph_edges,
)
from pocus_player.ui.file_watcher import CaseFileWatcher
from pocus_player.ui.sealed_files import read_captions

log = logging.getLogger(__name__)

_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
JUMP_CUE = "__preview_jump__"  # the cue a jump plays to; never a checkpoint id (ids are slugs)


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


class TimelineSlider(QSlider):
    """A horizontal slider that also marks the checkpoints on its groove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._marks: list[int] = []
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Drag to scrub; the ticks are checkpoints")

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


class PreviewWindow(QMainWindow):
    """The authoring preview of one case script.

    Signals:
        caseReloaded(object): a (re)load succeeded; the new `Case`.
        loadFailed(list): a (re)load failed; its `Problem` list.
        positionSettled(int, int): a jump or seek finished: (frame or -1 for audio, ms).
        followChanged(str): follow mode moved on; a short description of where it is.
    """

    caseReloaded = Signal(object)
    loadFailed = Signal(list)
    positionSettled = Signal(int, int)
    followChanged = Signal(str)

    def __init__(
        self,
        case_path: str | Path,
        *,
        probe: MediaProbe | None = None,
        engine: Any = None,
        watch: bool = True,
        sealed_case: Case | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from pocus_player.media.engine import MediaEngine

        self.sealed_case = sealed_case  # a case from an unlocked package: shown, never reloaded
        from pocus_player.media.policy import PlaybackPolicy

        self.case_path = Path(case_path).absolute()
        self.setObjectName("PreviewWindow")
        self.setWindowTitle(f"Preview: {self.case_path.name}")
        if probe is None:
            from pocus_player.media.probe import VlcMediaProbe

            probe = VlcMediaProbe()
        self.probe = probe
        self.probe_cache: dict[Path, MediaInfo | MediaProbeError] = {}
        self._own_engine = engine is None
        self.engine = engine or MediaEngine(
            policy=PlaybackPolicy.preview(), probe=probe if hasattr(probe, "probe_full") else None
        )
        self.case: Case | None = None
        self.problems: list[Problem] = []
        self.target: OutlineTarget | None = None
        self.coverage = Coverage()
        self.session: ExamSession | None = None
        self._show_key = False
        self._question_widgets: dict[str, Any] = {}
        self._current_item: MediaItem | None = None
        self._pending: tuple[str, int] | None = None  # ("frame"|"ms", value) once loaded
        self._seeking = False
        self._follow_wait = False  # feedback is shown; "Continue" moves on
        self.last_reload_s: float | None = None
        self._play_to: int | None = None  # a jump played to this frame, muted
        self._saved_volume: int | None = None

        self._build_ui()
        self._wire_engine()
        self.watcher = CaseFileWatcher(self)
        self.watcher.changed.connect(self._on_files_changed)
        self._watch = watch
        self.reload()

    # -- construction --------------------------------------------------------------------------

    def _build_ui(self) -> None:
        from pocus_player.ui.media_widget import MediaWidget

        toolbar = QToolBar("Preview", self)
        toolbar.setObjectName("previewToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.show_key_action = QAction("Show key", self)
        self.show_key_action.setCheckable(True)
        self.show_key_action.setShortcut(QKeySequence("Ctrl+K"))
        self.show_key_action.setToolTip("Mark the correct answers and show the rationale (Ctrl+K)")
        self.show_key_action.toggled.connect(self.set_show_key)
        self.follow_action = QAction("Follow the case", self)
        self.follow_action.setCheckable(True)
        self.follow_action.setShortcut(QKeySequence("Ctrl+F"))
        self.follow_action.setToolTip(
            "Run the case as a candidate would, in practice mode (Ctrl+F)"
        )
        self.follow_action.toggled.connect(self._on_follow_toggled)
        self.reload_action = QAction("Reload", self)
        self.reload_action.setShortcut(QKeySequence("F5"))
        self.reload_action.triggered.connect(self.reload)
        self.packet_action = QAction("Export review packet…", self)
        self.packet_action.triggered.connect(self._export_packet_dialog)
        for action in (
            self.show_key_action,
            self.follow_action,
            self.reload_action,
            self.packet_action,
        ):
            toolbar.addAction(action)

        # Left: the candidate's view.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        self.where_label = QLabel()
        self.where_label.setObjectName("Subtitle")
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName("Current position in the case")
        left_layout.addWidget(self.where_label)
        self.media = MediaWidget(self.engine)
        self.media.setMinimumSize(320, 200)
        self.captions = CaptionOverlay()
        self.captions.anchor_to(self.media)
        left_layout.addWidget(self.media, 3)

        transport = QHBoxLayout()
        self.clip_label = QLabel("Clip:")
        self.clip_combo = QComboBox()
        self.clip_combo.setAccessibleName("Clip to review")
        self.clip_combo.activated.connect(self._on_clip_chosen)
        icon = self.style().standardIcon
        self.start_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSkipBackward), "")
        self.start_button.setToolTip("Back to the start")
        self.start_button.setAccessibleName("Back to the start")
        self.start_button.clicked.connect(lambda: self.seek_frame(0))
        self.back_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSeekBackward), "1")
        self.back_button.setToolTip("One frame back (comma)")
        self.back_button.setAccessibleName("One frame back")
        self.back_button.setShortcut(QKeySequence(Qt.Key.Key_Comma))
        self.back_button.clicked.connect(lambda: self.step_frames(-1))
        self.play_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaPlay), "")
        self.play_button.setToolTip("Play or pause")
        self.play_button.setAccessibleName("Play or pause")
        self.play_button.clicked.connect(self.toggle_play)
        self.forward_button = QPushButton(icon(QStyle.StandardPixmap.SP_MediaSeekForward), "1")
        self.forward_button.setToolTip("One frame forward (full stop)")
        self.forward_button.setAccessibleName("One frame forward")
        self.forward_button.setShortcut(QKeySequence(Qt.Key.Key_Period))
        self.forward_button.clicked.connect(lambda: self.step_frames(1))
        self.timeline = TimelineSlider()
        self.timeline.setTracking(False)
        self.timeline.sliderMoved.connect(self._on_scrub)
        self.timeline.sliderReleased.connect(
            lambda: self._seek_to_slider(self.timeline.sliderPosition())
        )
        self.timeline.actionTriggered.connect(self._on_slider_action)
        self._scrub_timer = QTimer(self)
        self._scrub_timer.setSingleShot(True)
        self._scrub_timer.setInterval(120)
        self._scrub_timer.timeout.connect(
            lambda: self._seek_to_slider(self.timeline.sliderPosition())
        )
        self.position_label = QLabel("")
        self.position_label.setObjectName("positionLabel")
        self.position_label.setMinimumWidth(160)
        self.position_label.setAccessibleName("Media position")
        for w in (
            self.clip_label,
            self.clip_combo,
            self.start_button,
            self.back_button,
            self.play_button,
            self.forward_button,
        ):
            transport.addWidget(w)
        transport.addStretch(1)
        transport.addWidget(self.position_label)
        left_layout.addWidget(self.timeline)
        left_layout.addLayout(transport)

        self.follow_bar = QWidget()
        follow = QHBoxLayout(self.follow_bar)
        follow.setContentsMargins(0, 0, 0, 0)
        self.follow_label = QLabel()
        self.follow_label.setWordWrap(True)
        self.follow_label.setProperty("role", "muted")
        self.skip_button = QPushButton("Skip to checkpoint")
        self.skip_button.clicked.connect(self.skip_ahead)
        self.branch_combo = QComboBox()
        self.branch_combo.setAccessibleName("Branch to take")
        self.branch_button = QPushButton("Take branch")
        self.branch_button.setToolTip("Fill in answers that lead along the chosen branch")
        self.branch_button.clicked.connect(self._take_branch)
        follow.addWidget(self.follow_label, 1)
        follow.addWidget(self.skip_button)
        follow.addWidget(self.branch_combo)
        follow.addWidget(self.branch_button)
        self.follow_bar.hide()
        left_layout.addWidget(self.follow_bar)

        right_col = QWidget()
        right_layout = QVBoxLayout(right_col)
        right_layout.setContentsMargins(6, 6, 6, 6)
        self.question_tabs = QTabWidget()
        self.question_tabs.setObjectName("questionTabs")
        self.question_tabs.setAccessibleName("Questions")
        self.question_tabs.currentChanged.connect(self._on_question_tab)
        right_layout.addWidget(self.question_tabs, 1)
        answer_row = QHBoxLayout()
        self.check_button = QPushButton("Check answer")
        self.check_button.setProperty("role", "primary")
        self.check_button.setToolTip("Score the answers given, as the exam would")
        self.check_button.clicked.connect(self.check_answers)
        self.key_button = QPushButton("Answer with the key")
        self.key_button.clicked.connect(self.answer_with_key)
        self.clear_button = QPushButton("Clear answers")
        self.clear_button.clicked.connect(self._clear_answers)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setAccessibleName("Score")
        for w in (self.check_button, self.key_button, self.clear_button):
            answer_row.addWidget(w)
        answer_row.addStretch(1)
        right_layout.addLayout(answer_row)
        right_layout.addWidget(self.result_label)

        # Right: the case.
        self.outline = CaseOutline()
        self.outline.targetActivated.connect(self.go_to)
        self.graph = BranchGraph()
        self.graph.stepClicked.connect(lambda sid: self.go_to(OutlineTarget(sid)))
        graph_scroll = QScrollArea()
        graph_scroll.setWidget(self.graph)
        graph_scroll.setWidgetResizable(True)
        self.coverage_view = CoverageView()
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.outline, "Outline")
        self.side_tabs.addTab(graph_scroll, "Branches")
        self.side_tabs.addTab(self.coverage_view, "Coverage")

        # Problems: validation errors and lint warnings, under the outline.
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        # Wrapped rows: the panel is narrow, and a message must be readable whole.
        self.problem_list.setWordWrap(True)
        self.problem_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problem_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problem_list.setSpacing(2)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setAccessibleName("Problems")
        self.problem_list.setAccessibleDescription(
            "Errors and warnings; press Enter or double-click to open the file at the line"
        )
        self.problem_list.itemActivated.connect(self._on_problem_activated)
        self.status_label = QLabel()
        self.status_label.setObjectName("reloadStatus")
        self.status_label.setWordWrap(True)
        problems = QWidget()
        pl = QVBoxLayout(problems)
        pl.setContentsMargins(0, 4, 0, 0)
        title = QLabel("Problems")
        title.setObjectName("Subtitle")
        pl.addWidget(title)
        pl.addWidget(self.status_label)
        pl.addWidget(self.problem_list, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.side_tabs)
        side.addWidget(problems)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right_col)
        splitter.addWidget(side)
        splitter.setSizes([440, 460, 380])
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        self.setCentralWidget(splitter)
        self.resize(1280, 800)

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def _wire_engine(self) -> None:
        e = self.engine
        e.position_changed.connect(self._on_position)
        e.frame_presented.connect(self._on_frame)
        e.seek_finished.connect(self._on_seek_finished)
        e.media_loaded.connect(self._on_media_loaded)
        e.checkpoint_reached.connect(self._on_checkpoint_reached)
        e.ended.connect(self._on_media_ended)
        e.media_fault.connect(self._on_media_fault)
        e.state_changed.connect(self._on_engine_state)

    # -- loading and live reload ---------------------------------------------------------------

    def reload(self) -> bool:
        """Load the script again; on failure keep showing the last valid version."""
        started = time.monotonic()
        try:
            case = self.sealed_case or load_case(
                self.case_path, self.probe, probe_cache=self.probe_cache
            )
        except CaseValidationError as exc:
            self._show_problems(exc.problems, failed=True)
            self._watch_files(None)
            self.loadFailed.emit(exc.problems)
            return False
        warnings = (
            []
            if self.sealed_case  # linted when it was built
            else lint_case(case, self.case_path, self.probe, probe_cache=self.probe_cache)
        )
        previous = self.case
        self.case = case
        self.coverage.restrict_to(case)
        self.outline.set_case(case)
        self.graph.set_case(case)
        self._show_problems(warnings, failed=False)
        self._watch_files(case)
        self.last_reload_s = time.monotonic() - started
        if self.session is not None:
            self._stop_follow(note="the case changed on disk; following stopped")
        target = self._surviving_target(self.target) if previous is not None else None
        if previous is not None and self._current_item is not None:
            self._current_item = self._same_item(self._current_item, case)
        self.go_to(target or OutlineTarget(case.steps[0].id), keep_media=previous is not None)
        self._update_coverage()
        self.caseReloaded.emit(case)
        return True

    def _same_item(self, item: MediaItem, case: Case) -> MediaItem | None:
        try:
            new = case.media_by_id(item.id)
        except KeyError:
            return None
        return new if new.file == item.file else None

    def _surviving_target(self, target: OutlineTarget | None) -> OutlineTarget | None:
        if target is None or self.case is None:
            return None
        try:
            step = self.case.step_by_id(target.step_id)
        except KeyError:
            return None
        cp_ids = {cp.id for cp in step.checkpoints}
        cp = target.checkpoint_id if target.checkpoint_id in cp_ids else None
        asked = branching.step_questions(step)
        q = target.question_id if target.question_id in asked else None
        return OutlineTarget(step.id, cp, q)

    def _watch_files(self, case: Case | None) -> None:
        if not self._watch:
            return
        paths = {self.case_path}
        source = case or self.case
        if source is not None:
            for item in source.media:
                paths.add(item.file)
                if item.captions is not None:
                    paths.add(item.captions)
        self.watcher.set_paths(paths)

    def _on_files_changed(self, paths: list[Path]) -> None:
        for p in paths:
            self.probe_cache.pop(p, None)
            self.probe_cache.pop(p.resolve(), None)
        media_changed = self._current_item is not None and any(
            p.resolve() == self._current_item.file for p in paths
        )
        if media_changed:
            self._current_item = None  # reload the media itself, not only the script
        log.info(
            "reloading %s after changes to %s",
            self.case_path.name,
            ", ".join(p.name for p in paths),
        )
        self.reload()

    def _show_problems(self, problems: list[Problem], *, failed: bool) -> None:
        self.problems = list(problems)
        self.problem_list.clear()
        for p in problems:
            where = p.path.name + (f":{p.line}:{p.col}" if p.line else "")
            item = QListWidgetItem(f"{p.severity} · {where}\n{p.message}")
            item.setData(Qt.ItemDataRole.UserRole, (str(p.path), p.line, p.col))
            item.setData(_ROW_ROLE, (p.severity, where, p.message))
            item.setToolTip(f"{p.path}\nDouble-click to open it at line {p.line}.")
            self.problem_list.addItem(item)
        stamp = time.strftime("%H:%M:%S")
        errors = sum(1 for p in problems if p.severity == "error")
        warnings = len(problems) - errors
        if failed:
            shown = "; the last valid version stays on screen" if self.case is not None else ""
            text = f"{stamp}: {self.case_path.name} has {errors} error(s){shown}. Double-click a problem to open it."
            self.status_label.setProperty("role", "error")
        else:
            text = f"{stamp}: {self.case_path.name} loaded, {warnings} warning(s)."
            self.status_label.setProperty("role", "warning" if warnings else "ok")
        self.status_label.setText(text)
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)

    def problem_rows(self) -> list[tuple[str, str, str]]:
        """The problems panel as (severity, "file:line:col", message) rows, in order."""
        return [self.problem_list.item(i).data(_ROW_ROLE) for i in range(self.problem_list.count())]

    def _on_problem_activated(self, item: QListWidgetItem) -> None:
        path, line, _c = item.data(Qt.ItemDataRole.UserRole)
        self.open_location(Path(path), int(line))

    def open_location(self, path: Path, line: int) -> bool:
        return open_in_editor(path, line)

    # -- moving around ---------------------------------------------------------------------------

    def go_to(self, target: OutlineTarget, *, keep_media: bool = False) -> None:
        """Show a step, checkpoint or question as the candidate sees it (browse mode)."""
        if self.case is None:
            return
        if self.session is not None and not keep_media:
            self._stop_follow(note="following stopped to browse")
        case = self.case
        try:
            step = case.step_by_id(target.step_id)
        except KeyError:
            return
        self.target = target
        self.coverage.visit_step(step.id)
        self.outline.select_target(target)
        cp = next((c for c in step.checkpoints if c.id == target.checkpoint_id), None)
        if step.type is StepType.SEGMENT and cp is None and target.question_id is not None:
            cp = next((c for c in step.checkpoints if target.question_id in c.questions), None)
        if cp is not None:
            self.coverage.checkpoints.add(cp.id)
            qids = cp.questions
        elif step.type is StepType.SEGMENT:
            qids = ()
        else:
            qids = step.questions
        self._set_where(step, cp)
        drafts = (
            {qid: w.response() for qid, w in self._question_widgets.items()} if keep_media else {}
        )
        self._show_questions(qids, select=target.question_id)
        self._restore_drafts(drafts)
        self._show_step_media(step, cp, keep=keep_media)
        self.graph.set_current(step.id, self._would_branch(step))
        self._update_coverage()

    def _restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        """Put back answers typed before a reload, where the question still takes them."""
        for qid, response in drafts.items():
            widget = self._question_widgets.get(qid)
            if widget is None or not response:
                continue
            try:
                scoring.parse_response(widget.question, response)
            except ResponseError:
                continue  # the question changed under the answer: start it afresh
            widget.set_response(response)

    def _shown_questions(self) -> list[Question]:
        return [w.question for w in self._question_widgets.values()]

    def _set_where(self, step: Step, cp: Checkpoint | None, extra: str = "") -> None:
        text = f"{step.title or step.id}"
        if cp is not None:
            fps = (
                self.case.media_by_id(step.media).frame_rate if (self.case and step.media) else None
            )
            text += f" · checkpoint {cp.id} at {checkpoint_label(cp, fps)}"
            if cp.title:
                text += f": {cp.title}"
        elif step.instructions:
            text += f" · {step.instructions}"
        self.where_label.setText(text + extra)

    def _show_step_media(self, step: Step, cp: Checkpoint | None, *, keep: bool = False) -> None:
        assert self.case is not None
        clips = [step.media] if step.media else list(step.clips)
        if step.image:
            clips.append(step.image)
        self.clip_combo.clear()
        for mid in clips:
            item = self.case.media_by_id(mid)
            self.clip_combo.addItem(f"{mid} ({item.kind.value})", mid)
        self.clip_combo.setVisible(len(clips) > 1)
        self.clip_label.setVisible(len(clips) > 1)
        question = self._selected_question()
        here = {*clips, *(q.image.media for q in self._shown_questions() if q.image)}
        current = self._current_item
        if keep and current is not None and current.id in here:
            # A reload: stay where the author was (the item is the reloaded one, same file).
            self._show_item(current)
            return
        if question is not None and question.image is not None:
            self._show_question_image(question, cp)
            return
        if step.type is StepType.SEGMENT and step.media:
            item = self.case.media_by_id(step.media)
            if cp is not None:
                self._show_item(
                    item, frame=self._cp_frame(item, cp), ms=round(self._cp_time(item, cp) * 1000)
                )
            else:
                self._show_item(item, frame=0, ms=0)
        elif step.image:
            self._show_item(self.case.media_by_id(step.image))
        elif step.clips:
            self._show_item(self.case.media_by_id(step.clips[0]), frame=0, ms=0)
        else:
            self.media.clear()
            self._current_item = None
            self._update_transport()

    def _cp_frame(self, item: MediaItem, cp: Checkpoint) -> int | None:
        fps = self._fps(item)
        if not self._is_video(item) or fps is None:
            return None
        return cp.target_frame(fps)

    def _cp_time(self, item: MediaItem, cp: Checkpoint) -> float:
        return cp.target_time(self._fps(item) or 25.0)

    def _fps(self, item: MediaItem) -> float | None:
        info = self.probe_cache.get(item.file)
        if isinstance(info, MediaInfo) and info.frame_rate:
            return info.frame_rate
        return item.frame_rate

    def _is_video(self, item: MediaItem) -> bool:
        if item.kind is MediaKind.NARRATION or item.is_picture:
            return False
        info = self.probe_cache.get(item.file)
        return (
            bool(info.has_video)
            if isinstance(info, MediaInfo)
            else item.kind is not MediaKind.STILL
        )

    def _is_still(self, item: MediaItem) -> bool:
        return item.is_picture

    def _show_item(
        self, item: MediaItem, *, frame: int | None = None, ms: int | None = None
    ) -> None:
        """Show a media item, then seek to `frame` (video) or `ms` (audio), and stop there."""
        self._cancel_play_to()
        self._load_captions(item)
        if self._is_still(item):
            self.engine.stop()
            self.media.show_image(item.file)
            self._current_item = item
            self._update_transport()
            self._settled(-1, 0)
            return
        same = (
            self._current_item is not None
            and self._current_item.file == item.file
            and self.engine.media is not None
            and self.engine.media.path == item.file
        )
        self._current_item = item
        want: tuple[str, int] | None = None
        if self._is_video(item):
            want = (
                "frame",
                frame if frame is not None else max(0, self.engine.current_frame) if same else 0,
            )
        else:
            want = ("ms", ms if ms is not None else self.engine.position_ms() if same else 0)
        if want[0] == "frame" and self._needs_play_to(item, want[1], same):
            self._play_to_frame(item, want[1])
        elif same:
            self._do_seek(want)
        else:
            self._pending = want
            self.media.show_media_item(item, autoplay=False)
        self._update_transport()

    def _needs_play_to(self, item: MediaItem, frame: int, same: bool) -> bool:
        """Whether reaching `frame` is best done by playing to it rather than seeking.

        A clip with sound is decoded at normal speed, and a seek to a frame not
        yet decoded may give up before it gets there; playing to the frame with
        the engine's exact stop always lands on it, in the clip's own time.
        """
        info = self.probe_cache.get(item.file)
        if not isinstance(info, MediaInfo) or not info.has_audio or frame <= 0:
            return False
        return not same or frame > self.engine.furthest_seen

    def _play_to_frame(self, item: MediaItem, frame: int) -> None:
        from pocus_player.media.engine import CueTarget

        self._pending = None
        self._play_to = frame
        self._seeking = True
        if self._saved_volume is None:
            self._saved_volume = self.engine.volume()
        self.engine.set_volume(0)  # the author asked to jump, not to listen on the way
        self.media.show_media_item(item, autoplay=True, checkpoints=(CueTarget(JUMP_CUE, frame),))

    def _load_captions(self, item: MediaItem) -> None:
        track = None
        if item.captions is not None:
            try:
                track = read_captions(item.captions)  # a sealed package's from memory
            except CaptionError as exc:
                log.info("captions of %s not shown: %s", item.id, exc)
        self.captions.set_track(track)
        self.captions.set_time_ms(0)

    def _cancel_play_to(self) -> None:
        if self._play_to is not None:
            self._play_to = None
            self.engine.set_checkpoints(())
        self._restore_volume()

    def _restore_volume(self) -> None:
        if self._saved_volume is not None:
            self.engine.set_volume(self._saved_volume)
            self._saved_volume = None

    def _do_seek(self, want: tuple[str, int]) -> None:
        kind, value = want
        self._cancel_play_to()
        self._seeking = True
        if kind == "frame":
            self.engine.seek_frame(value)
        else:
            # Audio has no frames: the engine takes an audio-only "frame" as milliseconds
            # (MediaEngine._seek_native); its seek_ms() would first convert to 25 fps frames.
            self.engine.seek_frame(value)
            self.captions.set_time_ms(value)
            self._seeking = False
            self._update_position_label(-1, value)
            self._settled(-1, value)

    def seek_frame(self, frame: int) -> None:
        """Free seek (preview): show `frame` of the current clip, or `frame` ms of audio."""
        item = self._current_item
        if item is None or self.engine.media is None:
            return
        if self._is_video(item):
            self._do_seek(("frame", max(0, frame)))
        else:
            self._do_seek(("ms", max(0, frame)))

    def step_frames(self, delta: int) -> None:
        if self._current_item is None or self.engine.media is None:
            return
        if self._is_video(self._current_item):
            self._do_seek(("frame", max(0, self.engine.current_frame + delta)))
        else:
            self._do_seek(("ms", max(0, self.engine.position_ms() + delta * 1000)))

    def toggle_play(self) -> None:
        if self.engine.media is None:
            return
        self.engine.toggle_pause()

    def _on_scrub(self, value: int) -> None:
        self._update_position_label(
            value if self._current_is_video() else -1, self._slider_ms(value)
        )
        self._scrub_timer.start()

    def _on_slider_action(self, action: int) -> None:
        if action in (QSlider.SliderAction.SliderMove, QSlider.SliderAction.SliderNoAction):
            return
        QTimer.singleShot(0, lambda: self._seek_to_slider(self.timeline.sliderPosition()))

    def _seek_to_slider(self, value: int) -> None:
        self._scrub_timer.stop()
        self.seek_frame(value)

    def _current_is_video(self) -> bool:
        return self._current_item is not None and self._is_video(self._current_item)

    def _slider_ms(self, value: int) -> int:
        if self._current_is_video():
            return self.engine.frame_to_ms(value)
        return value

    def _on_clip_chosen(self, index: int) -> None:
        if self.case is None:
            return
        mid = self.clip_combo.itemData(index)
        if mid:
            self._show_item(self.case.media_by_id(mid), frame=0, ms=0)

    # -- engine events --------------------------------------------------------------------------

    def _on_media_loaded(self, loaded: Any) -> None:
        self._update_transport()
        if self._pending is not None:
            want, self._pending = self._pending, None
            self._do_seek(want)
        elif self.session is not None:
            self._follow_play()

    def _on_seek_finished(self, frame: int) -> None:
        if not self._seeking:
            return
        self._seeking = False
        ms = self.engine.frame_to_ms(frame)
        self.captions.set_time_ms(ms)
        self._update_position_label(frame, ms)
        self._settled(frame, ms)

    def _settled(self, frame: int, ms: int) -> None:
        self._feed_question_images()
        self.positionSettled.emit(frame, ms)

    def _on_position(self, ms: int) -> None:
        self.captions.set_time_ms(ms)
        if not self._current_is_video():
            if not self.timeline.isSliderDown():
                self.timeline.blockSignals(True)
                self.timeline.setValue(ms)
                self.timeline.blockSignals(False)
            self._update_position_label(-1, ms)

    def _on_frame(self, frame: int, ms: int) -> None:
        if not self.timeline.isSliderDown():
            self.timeline.blockSignals(True)
            self.timeline.setValue(frame)
            self.timeline.blockSignals(False)
        self._update_position_label(frame, ms)

    def _on_engine_state(self, state: str) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPause
            if state == "playing"
            else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(pixmap))

    def _on_media_fault(self, kind: str, path: str, message: str) -> None:
        self._seeking = False
        if kind != "no_audio_device":
            self._cancel_play_to()
        # Shown in the status bar: a media problem is not a score, and the author may go on.
        self.statusBar().showMessage(f"Media: {message}")
        log.info("media fault %s on %s: %s", kind, path, message)

    def _update_transport(self) -> None:
        item = self._current_item
        media = self.engine.media
        timed = item is not None and not self._is_still(item) and media is not None
        for w in (
            self.start_button,
            self.back_button,
            self.play_button,
            self.forward_button,
            self.timeline,
        ):
            w.setEnabled(bool(timed))
        marks: list[int] = []
        if timed and media is not None and item is not None:
            video = self._is_video(item)
            top = max(0, media.frame_count - 1) if video else int(media.info.duration_s * 1000)
            self.timeline.setRange(0, top)
            self.timeline.setSingleStep(1 if video else 100)
            self.timeline.setPageStep(int(media.frame_rate) if video else 1000)
            if self.case is not None:
                for step in self.case.steps:
                    if step.media == item.id:
                        for cp in step.checkpoints:
                            f = self._cp_frame(item, cp)
                            marks.append(
                                f
                                if video and f is not None
                                else round(self._cp_time(item, cp) * 1000)
                            )
        else:
            self.timeline.setRange(0, 0)
            self.position_label.setText(
                "still image" if item is not None and self._is_still(item) else ""
            )
        self.timeline.set_marks(marks)

    def _update_position_label(self, frame: int, ms: int) -> None:
        media = self.engine.media
        text = format_time(ms / 1000.0)
        if frame >= 0 and media is not None and media.frame_count:
            text += f" · frame {frame}/{media.frame_count - 1}"
        elif media is not None and media.info.duration_s:
            text += f" / {format_time(media.info.duration_s)}"
        self.position_label.setText(text)

    # -- questions --------------------------------------------------------------------------------

    def _show_questions(self, qids: tuple[str, ...], *, select: str | None = None) -> None:
        from pocus_player.ui.questions import create_question_widget

        assert self.case is not None
        self.question_tabs.blockSignals(True)
        while self.question_tabs.count():
            w = self.question_tabs.widget(0)
            self.question_tabs.removeTab(0)
            w.deleteLater()
        self._question_widgets = {}
        for qid in qids:
            q = self.case.question_by_id(qid)
            image = self._still_image(q)
            widget = create_question_widget(q, self.case, image)
            widget.set_show_key(self._show_key)
            widget.changed.connect(self._on_answer_changed)
            self._question_widgets[qid] = widget
            self.question_tabs.addTab(widget, f"{qid} ({q.points:g} pt)")
        if select in self._question_widgets:
            self.question_tabs.setCurrentIndex(list(self._question_widgets).index(select))
        self.question_tabs.blockSignals(False)
        has = bool(qids)
        for b in (self.check_button, self.key_button, self.clear_button):
            b.setEnabled(has)
        self.result_label.setText(
            "" if has else "No questions here; pick a checkpoint or a question in the outline."
        )
        self.result_label.setProperty("role", "muted")
        self._repolish(self.result_label)

    def _still_image(self, q: Question) -> QImage | None:
        if q.image is None or self.case is None:
            return None
        item = self.case.media_by_id(q.image.media)
        if self._is_still(item):
            image = QImage(str(item.file))
            return None if image.isNull() else image
        return None  # a frame of a clip: fed in once the media widget holds it

    def _selected_question(self) -> Question | None:
        widget = self.question_tabs.currentWidget()
        return getattr(widget, "question", None)

    def _on_question_tab(self, _index: int) -> None:
        q = self._selected_question()
        if q is None or self.case is None or self.target is None:
            return
        if q.image is not None and self.session is None:
            step = self.case.step_by_id(self.target.step_id)
            cp = next((c for c in step.checkpoints if c.id == self.target.checkpoint_id), None)
            self._show_question_image(q, cp)

    def _show_question_image(self, q: Question, cp: Checkpoint | None) -> None:
        assert self.case is not None and q.image is not None
        item = self.case.media_by_id(q.image.media)
        frame = q.image.frame
        if frame is None and q.type.value == "hotspot":
            frame = scoring.key_response(q).get("frame")
        if frame is None and cp is not None and self.target is not None:
            step = self.case.step_by_id(self.target.step_id)
            if step.media == item.id:
                frame = self._cp_frame(item, cp)
        self._show_item(item, frame=frame or 0, ms=0)

    def _feed_question_images(self) -> None:
        """Give clip-frame questions the picture the media widget holds now."""
        if self.case is None or self._current_item is None or self._is_still(self._current_item):
            return
        image = self.media.current_frame()
        if image is None:
            return
        frame = self.engine.current_frame
        for widget in self._question_widgets.values():
            q = widget.question
            if q.image is not None and q.image.media == self._current_item.id:
                widget.set_image(image, frame)

    def set_show_key(self, on: bool) -> None:
        self._show_key = bool(on)
        if self.show_key_action.isChecked() != self._show_key:
            self.show_key_action.setChecked(self._show_key)
        for widget in self._question_widgets.values():
            widget.set_show_key(self._show_key)

    def show_key(self) -> bool:
        return self._show_key

    def question_widgets(self) -> dict[str, Any]:
        return dict(self._question_widgets)

    def _calibration(self, q: Question) -> Any:
        if q.image is None or self.case is None:
            return None
        return self.case.media_by_id(q.image.media).calibration

    def check_answers(self) -> list[scoring.ScoreResult]:
        """Score every answer on screen (browse mode) and show points and the rule that matched."""
        if self.session is not None:
            return self._follow_submit()
        results = []
        lines = []
        for qid, widget in self._question_widgets.items():
            q = widget.question
            try:
                result = scoring.score(q, widget.response(), self._calibration(q))
            except (ResponseError, CalibrationError) as exc:
                lines.append(f"{qid}: cannot score: {exc}")
                continue
            results.append(result)
            self.coverage.questions.add(qid)
            lines.append(self._result_line(result))
        self._show_result(lines, results)
        self._update_coverage()
        return results

    @staticmethod
    def _result_line(result: scoring.ScoreResult) -> str:
        detail = ""
        d = result.detail
        if "measured" in d:
            detail = f" (measured {d['measured']} {d['unit']}, expected {d['expected']} ± {d['allowed']})"
        elif "matched" in d:
            detail = f" (matched {', '.join(d['matched']) or 'no region'}, {d['misses']} miss(es))"
        return f"{result.question_id}: {result.points:g} of {result.max_points:g} points · rule {result.rule}{detail}"

    def _show_result(self, lines: list[str], results: list[scoring.ScoreResult]) -> None:
        self.result_label.setText("\n".join(lines))
        ok = results and all(r.correct for r in results)
        self.result_label.setProperty("role", "ok" if ok else "warning")
        self._repolish(self.result_label)

    def answer_with_key(self) -> None:
        for widget in self._question_widgets.values():
            response = scoring.key_response(widget.question)
            if response:
                widget.set_response(response)
        self._on_answer_changed()

    def _clear_answers(self) -> None:
        for widget in self._question_widgets.values():
            widget.set_response({})
        self._on_answer_changed()

    def _on_answer_changed(self) -> None:
        if self.case is not None and self.target is not None:
            try:
                step = self.case.step_by_id(self.target.step_id)
            except KeyError:
                return
            self.graph.set_current(step.id, self._would_branch(step))
        if self.session is not None:
            self._refresh_branch_choices()

    def _drafts(self) -> dict[str, dict[str, Any]]:
        out = {}
        for qid, widget in self._question_widgets.items():
            try:
                out[qid] = scoring.parse_response(widget.question, widget.response())
            except ResponseError:
                out[qid] = {}
        return out

    def _would_branch(self, step: Step) -> str | None:
        """Where the answers on screen (and, when following, those given) would lead after `step`."""
        if self.case is None:
            return None
        responses: dict[str, dict[str, Any]] = {}
        results: dict[str, scoring.ScoreResult] = {}
        state = dict(self.case.initial_state)
        if self.session is not None:
            responses.update(self.session.responses)
            results.update({r.question_id: r for r in self.session.results})
            state = self.session.patient_state
        for qid, response in self._drafts().items():
            q = self.case.question_by_id(qid)
            try:
                results[qid] = scoring.score(q, response, self._calibration(q))
            except (ResponseError, CalibrationError):
                continue
            responses[qid] = response
            branching.apply_state(state, branching.option_state_changes(q, response))
        return branching.next_step(self.case, step, results, responses, state).goto

    # -- follow mode -------------------------------------------------------------------------------

    def _on_follow_toggled(self, on: bool) -> None:
        if on and self.session is None:
            self.start_follow()
        elif not on and self.session is not None:
            self._stop_follow(note="following stopped")

    def start_follow(self) -> None:
        """Run the case from its first step in practice mode on a virtual clock."""
        if self.case is None:
            return
        practice = dataclasses.replace(
            self.case, settings=dataclasses.replace(self.case.settings, mode=Mode.PRACTICE)
        )
        self.session = ExamSession(practice, VirtualClock(), MemoryJournal())
        self.session.start()
        if not self.follow_action.isChecked():
            self.follow_action.blockSignals(True)
            self.follow_action.setChecked(True)
            self.follow_action.blockSignals(False)
        self.follow_bar.show()
        self.check_button.setText("Submit")
        self._follow_wait = False
        self._current_item = None  # start the media afresh, as a candidate would
        self._follow_sync()

    def _stop_follow(self, note: str = "") -> None:
        self.session = None
        self._follow_wait = False
        self.follow_bar.hide()
        self.check_button.setText("Check answer")
        if self.follow_action.isChecked():
            self.follow_action.blockSignals(True)
            self.follow_action.setChecked(False)
            self.follow_action.blockSignals(False)
        if self.engine.state.value == "playing":
            self.engine.pause()
        if note:
            self.follow_label.setText(note)
            self.status_label.setText(f"{self.status_label.text()} ({note})")

    def _record_path(self) -> None:
        s = self.session
        if s is None:
            return
        path = list(s.path)
        for a, b in itertools.pairwise(path):
            self.coverage.take_edge(a, b)
        if path:
            self.coverage.visit_step(path[-1])
            if s.is_over and s.outcome == "completed":
                self.coverage.take_edge(path[-1], END)

    def _follow_sync(self) -> None:
        """Do what the session's media directive says; show its open checkpoint."""
        s = self.session
        if s is None or self.case is None:
            return
        self._record_path()
        self._update_coverage()
        if s.is_over:
            totals = s.totals
            score = (
                f"{totals.to_json().get('points', '?')} of {totals.to_json().get('max_points', '?')} points"
                if totals
                else ""
            )
            path = " → ".join(s.path)
            self._announce(f"Case finished ({s.outcome}): {score}. Path: {path}.")
            self.graph.set_current(None)
            self.skip_button.setEnabled(False)
            self.check_button.setEnabled(False)
            self._refresh_branch_choices()
            return
        step = s.current_step
        assert step is not None
        self.target = OutlineTarget(step.id)
        d = s.media_directive
        oc = s.open_checkpoint
        if d.action in (MediaAction.PLAY_TO_CHECKPOINT, MediaAction.PLAY_TO_END):
            cp = d.checkpoint
            self._set_where(step, cp)
            self._show_questions(())
            self.skip_button.setEnabled(True)
            self.skip_button.setText("Skip to checkpoint" if cp is not None else "Skip to the end")
            item = self.case.media_by_id(d.media_id) if d.media_id else None
            where = (
                f"playing {d.media_id} to checkpoint {cp.id}"
                if cp
                else f"playing {d.media_id} to its end"
            )
            self._announce(f"Step {step.id}: {where}.")
            if item is not None:
                if (
                    self._current_item is not None
                    and self._current_item.file == item.file
                    and self.engine.media is not None
                ):
                    self._follow_play()
                else:
                    self._current_item = item
                    self._load_captions(item)
                    self._pending = None
                    self._cancel_play_to()
                    self.media.show_media_item(item, autoplay=False)
                    self._update_transport()
        elif d.action is MediaAction.HOLD and oc is not None:
            cp = d.checkpoint
            self.coverage.visit_step(step.id)
            if cp is not None:
                self.coverage.checkpoints.add(cp.id)
            self._set_where(step, cp)
            self._show_questions(tuple(q.id for q in oc.questions))
            for qid, draft in s.drafts.items():
                if qid in self._question_widgets:
                    self._question_widgets[qid].set_response(draft)
            self.skip_button.setEnabled(False)
            self.check_button.setEnabled(True)
            self._announce(f"Step {step.id}: answer {len(oc.questions)} question(s), then Submit.")
            if cp is None:
                self._show_step_media(step, None)
            else:
                self._feed_question_images()
        self.graph.set_current(step.id, self._would_branch(step))
        self._refresh_branch_choices()
        self._update_coverage()

    def _announce(self, text: str) -> None:
        self.follow_label.setText(text)
        self.followChanged.emit(text)

    def _follow_play(self) -> None:
        """Play the segment media towards the directive's checkpoint (or its end)."""
        s = self.session
        if s is None or self.case is None:
            return
        d = s.media_directive
        if d.action not in (MediaAction.PLAY_TO_CHECKPOINT, MediaAction.PLAY_TO_END):
            return
        step = s.current_step
        assert step is not None
        item = self.case.media_by_id(d.media_id) if d.media_id else None
        if item is None:
            return
        remaining = step.checkpoints[step.checkpoints.index(d.checkpoint) :] if d.checkpoint else ()
        # The engine stops on checkpoints in video (on the frame) and audio (on the time).
        self.engine.set_checkpoints(remaining)
        self.engine.play()

    def _on_checkpoint_reached(self, cp_id: str, frame: int) -> None:
        self.captions.set_time_ms(self.engine.frame_to_ms(frame))
        self._update_position_label(frame, self.engine.frame_to_ms(frame))
        if cp_id == JUMP_CUE and self._play_to is not None:
            self._play_to = None
            self._seeking = False
            self._restore_volume()
            self._settled(frame, self.engine.frame_to_ms(frame))
            return
        if self.session is not None:
            self._follow_reached(cp_id)

    def _follow_reached(self, cp_id: str) -> None:
        s = self.session
        if s is None or s.state.value != "playing_segment":
            return
        d = s.media_directive
        if d.checkpoint is None or d.checkpoint.id != cp_id:
            return
        s.segment_reached_checkpoint(cp_id)
        self._follow_sync()

    def _on_media_ended(self) -> None:
        s = self.session
        if s is None or s.media_directive.action is not MediaAction.PLAY_TO_END:
            return
        s.segment_finished()
        self._current_item = None
        self._follow_sync()

    def skip_ahead(self) -> None:
        """Follow mode: go straight to the checkpoint (or the end) the media is playing to."""
        s = self.session
        if s is None or self.case is None:
            return
        d = s.media_directive
        if d.action is MediaAction.PLAY_TO_CHECKPOINT and d.checkpoint is not None and d.media_id:
            item = self.case.media_by_id(d.media_id)
            cp = d.checkpoint
            self.engine.set_checkpoints(())
            if self.engine.state.value == "playing":
                self.engine.pause()
            self._current_item = item
            want = (
                ("frame", self._cp_frame(item, cp))
                if self._is_video(item)
                else ("ms", round(self._cp_time(item, cp) * 1000))
            )
            if self.engine.media is not None and self.engine.media.path == item.file:
                self._do_seek(want)  # type: ignore[arg-type]
            else:
                self._pending = want  # type: ignore[assignment]
            s.segment_reached_checkpoint(cp.id)
            self._follow_sync()
        elif d.action is MediaAction.PLAY_TO_END:
            if self.engine.state.value == "playing":
                self.engine.pause()
            s.segment_finished()
            self._current_item = None
            self._follow_sync()

    def _follow_submit(self) -> list[scoring.ScoreResult]:
        s = self.session
        if s is None:
            return []
        if self._follow_wait:
            self._follow_wait = False
            self.check_button.setText("Submit")
            self._follow_sync()
            return []
        try:
            outcome = s.submit(self._drafts())
        except SessionError as exc:
            self._announce(f"Cannot submit: {exc}")
            return []
        lines = []
        for fb in outcome.feedback:
            self.coverage.questions.add(fb.question_id)
            lines.append(self._result_line(fb.result))
        for widget in self._question_widgets.values():
            widget.set_read_only(True)
            widget.set_show_key(True)
        self._show_result(lines, list(outcome.results))
        self._follow_wait = True
        self.check_button.setText("Continue")
        self._record_path()
        self._update_coverage()
        return list(outcome.results)

    def _refresh_branch_choices(self) -> None:
        self.branch_combo.clear()
        s = self.session
        show = False
        if (
            s is not None
            and self.case is not None
            and not s.is_over
            and s.open_checkpoint is not None
        ):
            step = s.current_step
            assert step is not None
            last = (
                step.type is not StepType.SEGMENT or s.open_checkpoint.id == step.checkpoints[-1].id
            )
            edges = [e for e in graph_edges(self.case) if e.src == step.id]
            if last and len(edges) > 1:
                show = True
                would = self._would_branch(step)
                for e in edges:
                    dst = "the end" if e.dst == END else e.dst
                    mark = " (the answers now lead here)" if e.dst == would else ""
                    self.branch_combo.addItem(f"→ {dst}: {e.label or 'otherwise'}{mark}", e)
                    if e.dst == would:
                        self.branch_combo.setCurrentIndex(self.branch_combo.count() - 1)
        self.branch_combo.setVisible(show)
        self.branch_button.setVisible(show)

    def _take_branch(self) -> None:
        s = self.session
        edge = self.branch_combo.currentData()
        if s is None or self.case is None or edge is None:
            return
        step = s.current_step
        assert step is not None
        open_qs = [w.question for w in self._question_widgets.values()]
        rules = step.next.rules
        found = satisfying_responses(
            self.case,
            rules,
            edge.rule_index,
            open_qs,
            s.responses,
            {r.question_id: r for r in s.results},
            s.patient_state,
        )
        if found is None:
            self._announce(
                f"No answers to this checkpoint lead to {edge.dst}: it depends on earlier answers or state."
            )
            return
        for qid, response in found.items():
            if qid in self._question_widgets:
                self._question_widgets[qid].set_response(response)
        self._on_answer_changed()
        self._announce(f"Answers filled in to take the branch to {edge.dst}; press Submit.")

    # -- coverage and misc ---------------------------------------------------------------------------

    def _update_coverage(self) -> None:
        if self.case is None:
            return
        self.outline.set_coverage(self.coverage)
        self.graph.set_coverage(self.coverage)
        self.coverage_view.update_from(self.case, self.coverage)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def ask_packet_path(self) -> Path | None:
        """Where to write the review packet (a save dialog; tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self, "Export review packet", str(self.case_path.with_suffix(".pdf")), "PDF (*.pdf)"
        )
        return Path(name) if name else None

    def _export_packet_dialog(self) -> None:
        if self.case is None:
            return
        from pocus_player.ui.review_packet import PacketError, export_packet

        target = self.ask_packet_path()
        if target is None:
            return
        self.statusBar().showMessage(f"Writing {target.name}…")
        try:
            result = export_packet(self.case, target)
        except PacketError as exc:
            QMessageBox.warning(self, "Review packet", str(exc))
            return
        self.statusBar().showMessage(f"Review packet written: {result.path} ({result.pages} pages)")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._scrub_timer.stop()
        if self._own_engine:
            self.engine.close()
        super().closeEvent(event)
