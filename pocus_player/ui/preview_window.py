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
  run out while the author reads), driven as the exam application drives it
  (through media/directives.py, as the exam controller is); "Skip to
  checkpoint" saves waiting for the media, and "Take branch" fills in answers
  that lead along the branch chosen.

"Show key" marks the correct options, draws hotspot regions and the caliper's
expected endpoints and tolerance band, and shows the rationale.

Saving the script, a caption file or a media file reloads the case within a
second, keeping the current position when it still exists. While the script
is invalid the last valid version stays on screen and the panel lists why.

The state and rules of the session (case, place, drafts, coverage, follow
mode, branches) are core/preview.PreviewModel's; the panels are
ui/preview_panels.py's; this window shows the model in the panels, drives the
media engine, and connects everything in `_connect_signals`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core import scoring
from pocus_player.core.case_map import Coverage, OutlineTarget, checkpoint_label
from pocus_player.core.errors import Problem
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import Case, Checkpoint, MediaItem, Question, Step, StepType
from pocus_player.core.preview import PreviewModel, parse_drafts, surviving_drafts
from pocus_player.core.session import ExamSession
from pocus_player.media.engine_api import State
from pocus_player.ui.captions_view import CaptionOverlay
from pocus_player.ui.file_watcher import CaseFileWatcher
from pocus_player.ui.preview_follow import PreviewFollow
from pocus_player.ui.preview_panels import (
    CasePanel,
    FollowBar,
    ProblemsPanel,
    QuestionsPanel,
    TransportBar,
    open_in_editor,
)
from pocus_player.ui.preview_player import JUMP_CUE, PreviewPlayer

if TYPE_CHECKING:
    from pocus_player.media.engine_api import EngineProbe, PlayerEngine
    from pocus_player.ui.media_widget import MediaWidget

log = logging.getLogger(__name__)

__all__ = ["JUMP_CUE", "PreviewWindow", "open_in_editor"]


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
        engine: PlayerEngine | None = None,
        watch: bool = True,
        sealed_case: Case | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from pocus_player.media.engine import MediaEngine
        from pocus_player.media.policy import PlaybackPolicy

        self.case_path = Path(case_path).absolute()
        self.setObjectName("PreviewWindow")
        self.setWindowTitle(f"Preview: {self.case_path.name}")
        if probe is None:
            from pocus_player.media.probe import VlcMediaProbe

            probe = VlcMediaProbe()
        self.model = PreviewModel(self.case_path, probe, sealed_case)
        self._own_engine = engine is None
        self.engine: PlayerEngine = engine or MediaEngine(
            policy=PlaybackPolicy.preview(),
            # a probe that can also probe_full is the media layer's full probe
            probe=cast("EngineProbe", probe) if hasattr(probe, "probe_full") else None,
        )
        self._init_toolbar()
        self._init_panels()
        self.player = PreviewPlayer(
            self.engine, self.media, self.captions, self.transport, self.model, self
        )
        self.follow = PreviewFollow(
            self.model,
            self.engine,
            self.player,
            self.follow_bar,
            self.questions,
            self.follow_action,
            self,
            self,
        )
        self.watcher = CaseFileWatcher(self)
        self._watch = watch
        self._connect_signals()
        self.reload()

    # -- the model's state, as the window has always offered it --------------------------------

    @property
    def probe(self) -> MediaProbe | None:
        return self.model.probe

    @property
    def probe_cache(self) -> dict[Path, MediaInfo | MediaProbeError]:
        return self.model.probe_cache

    @property
    def case(self) -> Case | None:
        return self.model.case

    @property
    def problems(self) -> list[Problem]:
        return self.model.problems

    @property
    def target(self) -> OutlineTarget | None:
        return self.model.target

    @property
    def coverage(self) -> Coverage:
        return self.model.coverage

    @property
    def session(self) -> ExamSession | None:
        return self.model.session

    @property
    def last_reload_s(self) -> float | None:
        return self.model.last_reload_s

    # -- construction --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def _init_toolbar(self) -> None:
        toolbar = QToolBar("Preview", self)
        toolbar.setObjectName("previewToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.show_key_action = QAction("Show key", self)
        self.show_key_action.setCheckable(True)
        self.show_key_action.setShortcut(QKeySequence("Ctrl+K"))
        self.show_key_action.setToolTip("Mark the correct answers and show the rationale (Ctrl+K)")
        self.follow_action = QAction("Follow the case", self)
        self.follow_action.setCheckable(True)
        self.follow_action.setShortcut(QKeySequence("Ctrl+F"))
        self.follow_action.setToolTip(
            "Run the case as a candidate would, in practice mode (Ctrl+F)"
        )
        self.reload_action = QAction("Reload", self)
        self.reload_action.setShortcut(QKeySequence("F5"))
        self.packet_action = QAction("Export review packet…", self)
        for action in (
            self.show_key_action,
            self.follow_action,
            self.reload_action,
            self.packet_action,
        ):
            toolbar.addAction(action)

    def _init_panels(self) -> None:
        from pocus_player.ui.media_widget import MediaWidget

        # Left: the candidate's view.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        self.where_label = QLabel()
        self.where_label.setObjectName("Subtitle")
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName("Current position in the case")
        left_layout.addWidget(self.where_label)
        self.media: MediaWidget = MediaWidget(self.engine)
        self.media.setMinimumSize(320, 200)
        self.captions = CaptionOverlay()
        self.captions.anchor_to(self.media)
        left_layout.addWidget(self.media, 3)
        self.transport = TransportBar()
        left_layout.addWidget(self.transport)
        self.follow_bar = FollowBar()
        self.follow_bar.hide()
        left_layout.addWidget(self.follow_bar)

        # Middle: the questions. Right: the case and its problems.
        self.questions = QuestionsPanel()
        self.case_panel = CasePanel()
        self.problems_panel = ProblemsPanel()
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.case_panel)
        side.addWidget(self.problems_panel)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.questions)
        splitter.addWidget(side)
        splitter.setSizes([440, 460, 380])
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        self.setCentralWidget(splitter)
        self.resize(1280, 800)
        self._name_panel_widgets()

    def _name_panel_widgets(self) -> None:
        """The panels' widgets by the names the window has always given them."""
        t, f, q, c = self.transport, self.follow_bar, self.questions, self.case_panel
        self.clip_label, self.clip_combo, self.timeline = t.clip_label, t.clip_combo, t.timeline
        self.start_button, self.back_button = t.start_button, t.back_button
        self.play_button, self.forward_button = t.play_button, t.forward_button
        self.position_label = t.position_label
        self.follow_label, self.skip_button = f.follow_label, f.skip_button
        self.branch_combo, self.branch_button = f.branch_combo, f.branch_button
        self.question_tabs, self.result_label = q.tabs, q.result_label
        self.check_button, self.key_button, self.clear_button = (
            q.check_button,
            q.key_button,
            q.clear_button,
        )
        self.side_tabs, self.outline, self.graph = c, c.outline, c.graph
        self.coverage_view = c.coverage_view
        self.problem_list = self.problems_panel.list
        self.status_label = self.problems_panel.status_label

    def _connect_signals(self) -> None:
        """Every connection between the toolbar, the panels, the model and the engine."""
        self.show_key_action.toggled.connect(self.set_show_key)
        self.follow_action.toggled.connect(self.follow.toggled)
        self.follow.announced.connect(self.followChanged)
        self.reload_action.triggered.connect(self.reload)
        self.packet_action.triggered.connect(self._export_packet_dialog)

        self.transport.seekRequested.connect(self.seek_frame)
        self.transport.stepRequested.connect(self.step_frames)
        self.transport.playToggled.connect(self.player.toggle_play)
        self.player.settled.connect(self._on_settled)
        self.player.loaded.connect(self.follow.play_on_loaded)
        self.player.message.connect(self.statusBar().showMessage)
        self.transport.clipChosen.connect(self.player.on_clip_chosen)
        self.transport.scrubbed.connect(self.player.on_scrub)
        self.follow_bar.skipRequested.connect(self.follow.skip_ahead)
        self.follow_bar.branchRequested.connect(self.follow.take_branch)
        self.questions.checkRequested.connect(self.check_answers)
        self.questions.keyRequested.connect(self.answer_with_key)
        self.questions.clearRequested.connect(self._clear_answers)
        self.questions.answerChanged.connect(self.answers_changed)
        self.questions.questionSelected.connect(self._on_question_tab)
        self.case_panel.targetActivated.connect(self.go_to)
        self.problems_panel.locationActivated.connect(self.open_location)
        self.watcher.changed.connect(self._on_files_changed)

        self.model.events.coverage_changed.connect(lambda _c: self.update_coverage())

        e = self.engine
        e.position_changed.connect(self.player.on_position)
        e.frame_presented.connect(self.player.on_frame)
        e.seek_finished.connect(self.player.on_seek_finished)
        e.media_loaded.connect(self.player.on_media_loaded)
        e.checkpoint_reached.connect(self._on_checkpoint_reached)
        e.ended.connect(self.follow.on_media_ended)
        e.media_fault.connect(self.player.on_media_fault)
        e.state_changed.connect(lambda state: self.transport.set_playing(state == State.PLAYING))

    # -- loading and live reload ---------------------------------------------------------------

    def reload(self) -> bool:
        """Load the script again; on failure keep showing the last valid version."""
        previous = self.model.case
        target = self.model.reload()
        if target is None:
            self._show_problems(self.model.problems, failed=True)
            self._watch_files()
            self.loadFailed.emit(self.model.problems)
            return False
        case = self.model.case
        assert case is not None
        self.case_panel.set_case(case)
        self._show_problems(self.model.problems, failed=False)
        self._watch_files()
        if self.session is not None:
            self.follow.stop(note="the case changed on disk; following stopped")
        if previous is not None and self.player.current_item is not None:
            self.player.current_item = self._same_item(self.player.current_item, case)
        self.go_to(target, keep_media=previous is not None)
        self.update_coverage()
        self.caseReloaded.emit(case)
        return True

    @staticmethod
    def _same_item(item: MediaItem, case: Case) -> MediaItem | None:
        try:
            new = case.media_by_id(item.id)
        except KeyError:
            return None
        return new if new.file == item.file else None

    def _watch_files(self) -> None:
        if self._watch:
            self.watcher.set_paths(self.model.watched_files())

    def _on_files_changed(self, paths: list[Path]) -> None:
        self.model.forget_files(paths)
        media_changed = self.player.current_item is not None and any(
            p.resolve() == self.player.current_item.file for p in paths
        )
        if media_changed:
            self.player.current_item = None  # reload the media itself, not only the script
        log.info(
            "reloading %s after changes to %s",
            self.case_path.name,
            ", ".join(p.name for p in paths),
        )
        self.reload()

    def _show_problems(self, problems: list[Problem], *, failed: bool) -> None:
        self.problems_panel.show_problems(
            problems, failed=failed, script=self.case_path.name, has_case=self.case is not None
        )

    def problem_rows(self) -> list[tuple[str, str, str]]:
        """The problems panel as (severity, "file:line:col", message) rows, in order."""
        return self.problems_panel.rows()

    def open_location(self, path: Path, line: int) -> bool:
        return open_in_editor(path, line)

    # -- moving around ---------------------------------------------------------------------------

    def go_to(self, target: OutlineTarget, *, keep_media: bool = False) -> None:
        """Show a step, checkpoint or question as the candidate sees it (browse mode)."""
        if self.case is None:
            return
        if self.session is not None and not keep_media:
            self.follow.stop(note="following stopped to browse")
        drafts = (
            {qid: w.response() for qid, w in self.questions.widgets.items()} if keep_media else {}
        )
        place = self.model.place(target)
        if place is None:
            return
        self.outline.select_target(target)
        self.set_where(place.step, place.checkpoint)
        self.show_questions(place.questions, select=place.selected)
        self._restore_drafts(drafts)
        self.show_step_media(place.step, place.checkpoint, keep=keep_media)
        self.graph.set_current(place.step.id, self._would_branch(place.step))
        self.update_coverage()

    def _restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        """Put back answers typed before a reload, where the question still takes them."""
        kept = surviving_drafts(drafts, self._shown_questions())
        for qid, response in kept.items():
            self.questions.widgets[qid].set_response(response)

    def _shown_questions(self) -> list[Question]:
        return [w.question for w in self.questions.widgets.values()]

    def set_where(self, step: Step, cp: Checkpoint | None) -> None:
        text = f"{step.title or step.id}"
        if cp is not None:
            text += (
                f" · checkpoint {cp.id} at {checkpoint_label(cp, self.model.step_timeline(step))}"
            )
            if cp.title:
                text += f": {cp.title}"
        elif step.instructions:
            text += f" · {step.instructions}"
        self.where_label.setText(text)

    def show_step_media(self, step: Step, cp: Checkpoint | None, *, keep: bool = False) -> None:
        assert self.case is not None
        clips = [step.media] if step.media else list(step.clips)
        if step.image:
            clips.append(step.image)
        self.transport.set_clips(
            [(mid, f"{mid} ({self.case.media_by_id(mid).kind.value})") for mid in clips]
        )
        question = self.questions.selected()
        here = {*clips, *(q.image.media for q in self._shown_questions() if q.image)}
        current = self.player.current_item
        if keep and current is not None and current.id in here:
            # A reload: stay where the author was (the item is the reloaded one, same file).
            self.player.show_item(current)
            return
        if question is not None and question.image is not None:
            self._show_question_image(question, cp)
            return
        if step.type is StepType.SEGMENT and step.media:
            item = self.case.media_by_id(step.media)
            if cp is not None:
                self.player.show_item(
                    item,
                    frame=self.player.cp_frame(item, cp),
                    ms=round(self.player.cp_time(item, cp) * 1000),
                )
            else:
                self.player.show_item(item, frame=0, ms=0)
        elif step.image:
            self.player.show_item(self.case.media_by_id(step.image))
        elif step.clips:
            self.player.show_item(self.case.media_by_id(step.clips[0]), frame=0, ms=0)
        else:
            self.media.clear()
            self.player.current_item = None
            self.player.update_transport()

    def seek_frame(self, frame: int) -> None:
        """Show `frame` (video) or the time `frame` ms (audio) and stay paused there."""
        self.player.seek_frame(frame)

    def step_frames(self, delta: int) -> None:
        self.player.step_frames(delta)

    def toggle_play(self) -> None:
        self.player.toggle_play()

    def _on_settled(self, frame: int, ms: int) -> None:
        self.feed_question_images()
        self.positionSettled.emit(frame, ms)

    # -- questions --------------------------------------------------------------------------------

    def show_questions(self, qids: tuple[str, ...], *, select: str | None = None) -> None:
        from pocus_player.ui.questions import create_question_widget

        assert self.case is not None
        widgets: dict[str, Any] = {}
        for qid in qids:
            q = self.case.question_by_id(qid)
            widget = create_question_widget(q, self.case, self._still_image(q))
            widget.set_show_key(self.model.show_key)
            widgets[qid] = widget
        self.questions.show_widgets(widgets, select=select)

    def _still_image(self, q: Question) -> QImage | None:
        if q.image is None or self.case is None:
            return None
        item = self.case.media_by_id(q.image.media)
        if item.is_picture:
            image = QImage(str(item.file))
            return None if image.isNull() else image
        return None  # a frame of a clip: fed in once the media widget holds it

    def _on_question_tab(self) -> None:
        q = self.questions.selected()
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
                frame = self.player.cp_frame(item, cp)
        self.player.show_item(item, frame=frame or 0, ms=0)

    def feed_question_images(self) -> None:
        """Give clip-frame questions the picture the media widget holds now."""
        if (
            self.case is None
            or self.player.current_item is None
            or self.player.current_item.is_picture
        ):
            return
        image = self.media.current_frame()
        if image is None:
            return
        frame = self.engine.current_frame
        for widget in self.questions.widgets.values():
            q = widget.question
            if q.image is not None and q.image.media == self.player.current_item.id:
                widget.set_image(image, frame)

    def set_show_key(self, on: bool) -> None:
        self.model.set_show_key(bool(on))
        if self.show_key_action.isChecked() != self.model.show_key:
            self.show_key_action.setChecked(self.model.show_key)
        for widget in self.questions.widgets.values():
            widget.set_show_key(self.model.show_key)

    def show_key(self) -> bool:
        return self.model.show_key

    def question_widgets(self) -> dict[str, Any]:
        return dict(self.questions.widgets)

    def check_answers(self) -> list[scoring.ScoreResult]:
        """Score every answer on screen (browse mode) and show points and the rule that matched."""
        if self.session is not None:
            return self.follow.submit()
        results, lines = self.model.check(self.questions.answers())
        self.questions.show_result(lines, ok=bool(results) and all(r.correct for r in results))
        return results

    def answer_with_key(self) -> None:
        for widget in self.questions.widgets.values():
            response = scoring.key_response(widget.question)
            if response:
                widget.set_response(response)
        self.answers_changed()

    def _clear_answers(self) -> None:
        for widget in self.questions.widgets.values():
            widget.set_response({})
        self.answers_changed()

    def answers_changed(self) -> None:
        step = self.model.current_step()
        if step is not None:
            self.graph.set_current(step.id, self._would_branch(step))
        if self.session is not None:
            self.follow.refresh_branch_choices()

    def _drafts(self) -> dict[str, dict[str, Any]]:
        return parse_drafts(self.questions.answers())

    def _would_branch(self, step: Step) -> str | None:
        return self.model.would_branch(step, self._drafts())

    # -- follow mode (ui/preview_follow.PreviewFollow) -------------------------------------------

    def start_follow(self) -> None:
        """Run the case from its first step in practice mode on a virtual clock."""
        self.follow.start()

    def skip_ahead(self) -> None:
        """Follow mode: go straight to the checkpoint (or the end) the media is playing to."""
        self.follow.skip_ahead()

    def _on_checkpoint_reached(self, cp_id: str, frame: int) -> None:
        if not self.player.on_checkpoint_reached(cp_id, frame) and self.session is not None:
            self.follow.on_checkpoint(cp_id)

    # the view follow mode shows itself in (preview_follow.FollowView)

    def show_path(self, step: Step | None) -> None:
        """Ring `step` in the branch graph, and mark where the answers on screen lead from it."""
        if step is None:
            self.graph.set_current(None)
        else:
            self.graph.set_current(step.id, self._would_branch(step))

    def note(self, text: str) -> None:
        self.problems_panel.note(text)

    # -- coverage, the packet, closing ---------------------------------------------------------------

    def update_coverage(self) -> None:
        if self.case is not None:
            self.case_panel.set_coverage(self.case, self.coverage)

    def ask_packet_path(self) -> Path | None:
        """Where to write the review packet (a save dialog; tests replace this)."""
        name, _f = QFileDialog.getSaveFileName(
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
        self.transport.stop()
        if self._own_engine:
            self.engine.close()
        super().closeEvent(event)
