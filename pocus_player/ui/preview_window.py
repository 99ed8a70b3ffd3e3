"""The item writer's preview: the candidate's view of a case beside its outline, reloaded live.

Left, what a candidate sees: the media (with captions), a free timeline with
scrubbing and frame stepping, and the questions of the current checkpoint.
Right, the case: an outline (steps, checkpoints with their times and frames,
questions, branches), the branch graph and the coverage of this preview.
Below, the problems: validation errors and lint warnings with line:col;
double-click one to open the file there in the editor. On a narrower screen
or with larger text the case and its problems fold under the candidate's view
(ui/preview_layout.py), so the window fits 1024x768 at 200 % text.

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
ui/preview_panels.py's; the candidate's view at a place (its media and
questions) is ui/preview_stage.py's, the media itself ui/preview_player.py's,
follow mode ui/preview_follow.py's, live reload ui/preview_reload.py's and the
toolbar ui/preview_toolbar.py's. This window builds them, shows the model in
them, and connects everything in `_connect_signals`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from pocus_player.core import scoring
from pocus_player.core.case_map import Coverage, OutlineTarget
from pocus_player.core.errors import Problem
from pocus_player.core.media_info import MediaInfo, MediaProbe, MediaProbeError
from pocus_player.core.model import Case, Checkpoint, Step
from pocus_player.core.preview import PreviewModel, parse_drafts
from pocus_player.core.session import ExamSession
from pocus_player.media.engine_api import State
from pocus_player.ui import theme
from pocus_player.ui.preview_follow import PreviewFollow
from pocus_player.ui.preview_layout import PreviewColumns, shown_while_it_has_a_message
from pocus_player.ui.preview_panels import CasePanel, ProblemsPanel, QuestionsPanel, open_in_editor
from pocus_player.ui.preview_player import JUMP_CUE, PreviewPlayer
from pocus_player.ui.preview_reload import LiveReload
from pocus_player.ui.preview_stage import PreviewStage, StageColumn
from pocus_player.ui.preview_toolbar import PreviewToolbar

if TYPE_CHECKING:
    from pocus_player.media.engine_api import EngineProbe, PlayerEngine

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
        text_scale: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from pocus_player.media.engine import MediaEngine
        from pocus_player.media.policy import PlaybackPolicy

        # The questions' and captions' text size: the application's (theme.apply) unless given.
        self.text_scale = theme.clamp_scale(text_scale or theme.current_scale())
        self.case_path = Path(case_path).absolute()
        self.setObjectName("PreviewWindow")
        self.setWindowTitle(self.tr("Preview: {file}").format(file=self.case_path.name))
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
        self._init_parts(watch)
        self._connect_signals()
        self.reload()

    def _init_parts(self, watch: bool) -> None:
        """The media player, the stage, follow mode and live reload, over the panels."""
        self.player = PreviewPlayer(
            self.engine, self.media, self.captions, self.transport, self.model, self
        )
        self.stage = PreviewStage(
            self.model,
            self.engine,
            self.player,
            self.media,
            self.transport,
            self.questions,
            self.where_label,
            text_scale=self.text_scale,
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
        self.live = LiveReload(self.model, self.player, enabled=watch, parent=self)
        self.watcher = self.live.watcher

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
        self.toolbar = tb = PreviewToolbar(self)
        self.addToolBar(tb)
        self.show_key_action, self.follow_action = tb.show_key_action, tb.follow_action
        self.reload_action, self.packet_action = tb.reload_action, tb.packet_action

    def _init_panels(self) -> None:
        # Left: the candidate's view.
        left = StageColumn(self.engine)
        self.where_label, self.media, self.captions = left.where_label, left.media, left.captions
        self.captions.set_text_scale(self.text_scale)
        self.transport, self.follow_bar = left.transport, left.follow_bar

        # Middle: the questions. Right: the case and its problems.
        self.questions = QuestionsPanel()
        self.case_panel = CasePanel()
        self.problems_panel = ProblemsPanel()
        self.columns = PreviewColumns(
            left, self.questions, self.case_panel, self.problems_panel, scale=self.text_scale
        )
        self.setCentralWidget(self.columns)
        shown_while_it_has_a_message(self.statusBar())
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
        self.questions.questionSelected.connect(self.stage.on_question_selected)
        self.case_panel.targetActivated.connect(self.go_to)
        self.problems_panel.locationActivated.connect(self.open_location)
        self.live.reloadRequested.connect(self.reload)

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
            self.live.watch()
            self.loadFailed.emit(self.model.problems)
            return False
        case = self.model.case
        assert case is not None
        self.case_panel.set_case(case)
        self._show_problems(self.model.problems, failed=False)
        self.live.watch()
        if self.session is not None:
            self.follow.stop(note=self.tr("the case changed on disk; following stopped"))
        if previous is not None:
            self.live.keep_current_item(case)
        self.go_to(target, keep_media=previous is not None)
        self.update_coverage()
        self.caseReloaded.emit(case)
        return True

    def _show_problems(self, problems: list[Problem], *, failed: bool) -> None:
        self.problems_panel.show_problems(
            problems, failed=failed, script=self.case_path.name, has_case=self.case is not None
        )
        if failed:
            self.columns.show_problems()

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
            self.follow.stop(note=self.tr("following stopped to browse"))
        drafts = self.stage.drafts() if keep_media else {}
        place = self.model.place(target)
        if place is None:
            return
        self.outline.select_target(target)
        self.set_where(place.step, place.checkpoint)
        self.show_questions(place.questions, select=place.selected)
        self.stage.restore_drafts(drafts)
        self.show_step_media(place.step, place.checkpoint, keep=keep_media)
        self.graph.set_current(place.step.id, self._would_branch(place.step))
        self.update_coverage()

    def set_where(self, step: Step, cp: Checkpoint | None) -> None:
        self.stage.set_where(step, cp)

    def show_step_media(self, step: Step, cp: Checkpoint | None, *, keep: bool = False) -> None:
        self.stage.show_step_media(step, cp, keep=keep)

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
        self.stage.show_questions(qids, select=select)

    def feed_question_images(self) -> None:
        """Give clip-frame questions the picture the media widget holds now."""
        self.stage.feed_question_images()

    def set_show_key(self, on: bool) -> None:
        self.model.set_show_key(bool(on))
        if self.show_key_action.isChecked() != self.model.show_key:
            self.show_key_action.setChecked(self.model.show_key)
        self.stage.set_show_key(self.model.show_key)

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
        self.stage.answer_with_key()
        self.answers_changed()

    def _clear_answers(self) -> None:
        self.stage.clear_answers()
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

    # -- coverage, the packet, closing -------------------------------------------------------

    def update_coverage(self) -> None:
        if self.case is not None:
            self.case_panel.set_coverage(self.case, self.coverage)

    def ask_packet_path(self) -> Path | None:
        """Where to write the review packet (a save dialog; tests replace this)."""
        name, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export review packet"),
            str(self.case_path.with_suffix(".pdf")),
            self.tr("PDF (*.pdf)"),
        )
        return Path(name) if name else None

    def _export_packet_dialog(self) -> None:
        if self.case is None:
            return
        from pocus_player.ui.review_packet import PacketError, export_packet

        target = self.ask_packet_path()
        if target is None:
            return
        self.statusBar().showMessage(self.tr("Writing {file}…").format(file=target.name))
        try:
            result = export_packet(self.case, target)
        except PacketError as exc:
            QMessageBox.warning(self, self.tr("Review packet"), str(exc))
            return
        self.statusBar().showMessage(
            self.tr("Review packet written: {path} (%n page(s))", "", result.pages).format(
                path=result.path
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.transport.stop()
        if self._own_engine:
            self.engine.close()
        super().closeEvent(event)
