"""Follow mode in the preview: the case run as a candidate would meet it, in practice mode.

`PreviewFollow` drives the model's practice `ExamSession` (on a virtual clock,
so timers never run out while the author reads) as the exam application does:
each media directive goes to the engine through media/directives.py, exactly
as the exam controller's do; checkpoints reached and clips ended go back to
the session. "Skip to checkpoint" saves waiting for the media; "Take branch"
fills in answers that lead along the branch chosen. It shows itself in the
follow bar, the questions panel, and through the window as a `FollowView`.

Signals:
    announced(str)   where the case is now, in a sentence (the window's followChanged)
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from pocus_player.core import scoring
from pocus_player.core.case_map import GraphEdge, OutlineTarget
from pocus_player.core.errors import SessionError
from pocus_player.core.model import Checkpoint, Step
from pocus_player.core.preview import PreviewModel, parse_drafts, result_line
from pocus_player.core.session import MediaAction, MediaDirective, SessionState
from pocus_player.media import directives
from pocus_player.media.engine_api import PlayerEngine, State
from pocus_player.ui.preview_panels import FollowBar, QuestionsPanel
from pocus_player.ui.preview_player import PreviewPlayer


class FollowView(Protocol):
    """What follow mode asks of the preview window."""

    def set_where(self, step: Step, cp: Checkpoint | None) -> None: ...
    def show_questions(self, qids: tuple[str, ...], *, select: str | None = None) -> None: ...
    def show_step_media(self, step: Step, cp: Checkpoint | None, *, keep: bool = False) -> None: ...
    def feed_question_images(self) -> None: ...
    def show_path(self, step: Step | None) -> None: ...
    def update_coverage(self) -> None: ...
    def answers_changed(self) -> None: ...
    def note(self, text: str) -> None: ...


class PreviewFollow(QObject):
    """Follow mode's moves (see the module docstring)."""

    announced = Signal(str)

    def __init__(
        self,
        model: PreviewModel,
        engine: PlayerEngine,
        player: PreviewPlayer,
        bar: FollowBar,
        questions: QuestionsPanel,
        action: QAction,
        view: FollowView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.engine = engine
        self.player = player
        self.bar = bar
        self.questions = questions
        self.action = action
        self.view = view

    def toggled(self, on: bool) -> None:
        if on and self.model.session is None:
            self.start()
        elif not on and self.model.session is not None:
            self.stop(note=self.tr("following stopped"))

    def _set_checked(self, on: bool) -> None:
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)

    def start(self) -> None:
        """Run the case from its first step in practice mode on a virtual clock."""
        if self.model.start_follow() is None:
            return
        self._set_checked(True)
        self.bar.show()
        self.questions.check_button.setText(self.tr("Submit"))
        self.player.current_item = None  # start the media afresh, as a candidate would
        self.sync()

    def stop(self, note: str = "") -> None:
        self.model.stop_follow()
        self.bar.hide()
        self.questions.check_button.setText(self.tr("Check answer"))
        self._set_checked(False)
        if self.engine.state is State.PLAYING:
            self.engine.pause()
        if note:
            self.bar.follow_label.set_full_text(note)
            self.view.note(note)

    def sync(self) -> None:
        """Do what the session's media directive says; show its open checkpoint."""
        s = self.model.session
        if s is None or self.model.case is None:
            return
        self.model.record_path()
        if s.is_over:
            self._announce(self.model.finished_text())
            self.view.show_path(None)
            self.bar.skip_button.setEnabled(False)
            self.questions.check_button.setEnabled(False)
            self.refresh_branch_choices()
            return
        step = s.current_step
        assert step is not None
        self.model.target = OutlineTarget(step.id)
        d = s.media_directive
        if directives.is_segment(d):
            self._segment(step, d)
        elif d.action is MediaAction.HOLD and s.open_checkpoint is not None:
            self._hold(step, d)
        self.view.show_path(step)
        self.refresh_branch_choices()
        self.view.update_coverage()

    def _segment(self, step: Step, d: MediaDirective) -> None:
        assert self.model.case is not None and d.media_id is not None
        cp = d.checkpoint
        self.view.set_where(step, cp)
        self.view.show_questions(())
        self.bar.set_skip(
            True, self.tr("Skip to checkpoint") if cp is not None else self.tr("Skip to the end")
        )
        where = (
            self.tr("playing {media} to checkpoint {checkpoint}").format(
                media=d.media_id, checkpoint=cp.id
            )
            if cp
            else self.tr("playing {media} to its end").format(media=d.media_id)
        )
        self._announce(self.tr("Step {step}: {where}.").format(step=step.id, where=where))
        item = self.model.case.media_by_id(d.media_id)
        loaded = (
            d.media_id
            if self.player.current_item is not None and self.player.current_item.file == item.file
            else None
        )
        plan = directives.plan_segment(d, loaded_media=loaded, engine=self.engine)
        if plan.move is directives.SegmentMove.PLAY_ON:
            directives.play_on(self.engine, plan)
        elif plan.move is directives.SegmentMove.OVER:
            # The clip already ran out at its checkpoint: the segment is over (never replay it).
            QTimer.singleShot(0, self.on_media_ended)
        else:
            # Loaded paused first: the follow mode plays on once it is loaded (_follow_play).
            self.player.load_paused(item)

    def _hold(self, step: Step, d: MediaDirective) -> None:
        s = self.model.session
        assert s is not None and s.open_checkpoint is not None
        oc = s.open_checkpoint
        cp = d.checkpoint
        self.model.coverage.visit_step(step.id)
        if cp is not None:
            self.model.coverage.checkpoints.add(cp.id)
        self.view.set_where(step, cp)
        self.view.show_questions(tuple(q.id for q in oc.questions))
        for qid, draft in s.drafts.items():
            if qid in self.questions.widgets:
                self.questions.widgets[qid].set_response(draft)
        self.bar.skip_button.setEnabled(False)
        self.questions.check_button.setEnabled(True)
        self._announce(
            self.tr(
                "Step {step}: answer %n question(s), then Submit.", "", len(oc.questions)
            ).format(step=step.id)
        )
        if cp is None:
            self.view.show_step_media(step, None)
        else:
            self.view.feed_question_images()

    def _announce(self, text: str) -> None:
        self.bar.follow_label.set_full_text(text)
        self.announced.emit(text)

    def play_on_loaded(self) -> None:
        """The segment's clip is loaded: play it towards the directive's checkpoint (or its end)."""
        s = self.model.session
        if s is None or not directives.is_segment(s.media_directive):
            return
        d = s.media_directive
        assert d.media_id is not None
        plan = directives.plan_segment(d, loaded_media=d.media_id, engine=self.engine)
        if plan.move is directives.SegmentMove.PLAY_ON:
            directives.play_on(self.engine, plan)

    def on_checkpoint(self, cp_id: str) -> None:
        s = self.model.session
        if s is None or s.state is not SessionState.PLAYING_SEGMENT:
            return
        d = s.media_directive
        if d.checkpoint is None or d.checkpoint.id != cp_id:
            return
        s.segment_reached_checkpoint(cp_id)
        self.sync()

    def on_media_ended(self) -> None:
        s = self.model.session
        if s is None or s.media_directive.action is not MediaAction.PLAY_TO_END:
            return
        s.segment_finished()
        self.player.current_item = None
        self.sync()

    def skip_ahead(self) -> None:
        """Follow mode: go straight to the checkpoint (or the end) the media is playing to."""
        s = self.model.session
        if s is None or self.model.case is None:
            return
        d = s.media_directive
        if d.action is MediaAction.PLAY_TO_CHECKPOINT and d.checkpoint is not None and d.media_id:
            item = self.model.case.media_by_id(d.media_id)
            cp = d.checkpoint
            self.engine.set_checkpoints(())
            if self.engine.state is State.PLAYING:
                self.engine.pause()
            self.player.current_item = item
            frame = self.player.cp_frame(item, cp)
            want = (
                ("frame", frame)
                if self.player.is_video(item) and frame is not None
                else ("ms", round(self.player.cp_time(item, cp) * 1000))
            )
            media = self.engine.media
            if media is not None and media.path == item.file:
                self.player.do_seek(want)
            else:
                self.player.pending = want
            s.segment_reached_checkpoint(cp.id)
            self.sync()
        elif d.action is MediaAction.PLAY_TO_END:
            if self.engine.state is State.PLAYING:
                self.engine.pause()
            s.segment_finished()
            self.player.current_item = None
            self.sync()

    def submit(self) -> list[scoring.ScoreResult]:
        if self.model.session is None:
            return []
        if self.model.follow_waiting:
            self.model.follow_waiting = False
            self.questions.check_button.setText(self.tr("Submit"))
            self.sync()
            return []
        try:
            outcome = self.model.submit(parse_drafts(self.questions.answers()))
        except SessionError as exc:
            self._announce(self.tr("Cannot submit: {error}").format(error=exc))
            return []
        for widget in self.questions.widgets.values():
            widget.set_read_only(True)
            widget.set_show_key(True)
        results = list(outcome.results)
        self.questions.show_result(
            [result_line(fb.result) for fb in outcome.feedback],
            ok=bool(results) and all(r.correct for r in results),
        )
        self.questions.check_button.setText(self.tr("Continue"))
        return results

    def refresh_branch_choices(self) -> None:
        self.bar.set_choices(self.model.branch_choices(parse_drafts(self.questions.answers())))

    def take_branch(self, edge: GraphEdge) -> None:
        found = self.model.answers_for_branch(
            edge, [w.question for w in self.questions.widgets.values()]
        )
        if found is None:
            self._announce(
                self.tr(
                    "No answers to this checkpoint lead to {step}: it depends on earlier answers "
                    "or state."
                ).format(step=edge.dst)
            )
            return
        for qid, response in found.items():
            if qid in self.questions.widgets:
                self.questions.widgets[qid].set_response(response)
        self.view.answers_changed()
        self._announce(
            self.tr("Answers filled in to take the branch to {step}; press Submit.").format(
                step=edge.dst
            )
        )
