"""The preview's candidate view at one place of the case: where it is, its media, its questions.

`StageColumn` is the window's left column that holds that view;
`PreviewStage` shows a step (and checkpoint) as a candidate would see it: the
line saying where this is, the media at the checkpoint's authored frame (or the
picture a question is answered on), and the question widgets with the key shown
or not and the answers typed before a reload put back. Clip-frame questions get
their picture once the media widget holds it (`feed_question_images`). The
preview window moves the stage; follow mode moves it through the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pocus_player.core import scoring
from pocus_player.core.model import Case, Checkpoint, Question, Step, StepType
from pocus_player.core.preview import PreviewModel, surviving_drafts
from pocus_player.media.engine_api import PlayerEngine
from pocus_player.ui.captions_view import CaptionOverlay
from pocus_player.ui.case_outline import checkpoint_when
from pocus_player.ui.media_widget import MediaWidget
from pocus_player.ui.preview_panels import FollowBar, QuestionsPanel, TransportBar
from pocus_player.ui.preview_player import PreviewPlayer
from pocus_player.ui.reflow import ElidedLabel


class StageColumn(QWidget):
    """The candidate's view, left in the window: where, the media with captions, the transport
    bar, and follow mode's bar (hidden until following)."""

    def __init__(self, engine: PlayerEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        # One line, cut with "…" when narrow (the whole of it in the tooltip and accessible
        # name): wrapped, it pushed the transport buttons out of a short column.
        self.where_label = ElidedLabel(prefix=self.tr("Current position in the case"))
        self.where_label.setObjectName("Subtitle")
        layout.addWidget(self.where_label)
        self.media = MediaWidget(engine)
        self.media.setMinimumSize(200, 120)  # the picture scales down on a small screen
        self.captions = CaptionOverlay()
        self.captions.anchor_to(self.media)
        layout.addWidget(self.media, 3)
        self.transport = TransportBar()
        layout.addWidget(self.transport)
        self.follow_bar = FollowBar()
        self.follow_bar.hide()
        layout.addWidget(self.follow_bar)


class PreviewStage:
    """See the module docstring."""

    def __init__(
        self,
        model: PreviewModel,
        engine: PlayerEngine,
        player: PreviewPlayer,
        media: MediaWidget,
        transport: TransportBar,
        questions: QuestionsPanel,
        where_label: ElidedLabel,
        *,
        text_scale: float = 1.0,
    ) -> None:
        self.model = model
        self.engine = engine
        self.player = player
        self.media = media
        self.transport = transport
        self.questions = questions
        self.where_label = where_label
        self.text_scale = text_scale

    @property
    def case(self) -> Case | None:
        return self.model.case

    def set_where(self, step: Step, cp: Checkpoint | None) -> None:
        text = f"{step.title or step.id}"
        if cp is not None:
            when = checkpoint_when(cp, self.model.step_timeline(step))

            text += " · " + QCoreApplication.translate(
                "PreviewStage", "checkpoint {checkpoint} at {time}"
            ).format(checkpoint=cp.id, time=when)

            if cp.title:
                text += f": {cp.title}"
        elif step.instructions:
            text += f" · {step.instructions}"
        self.where_label.set_full_text(text)

    # -- the media

    def show_step_media(self, step: Step, cp: Checkpoint | None, *, keep: bool = False) -> None:
        assert self.case is not None
        clips = [step.media] if step.media else list(step.clips)
        if step.image:
            clips.append(step.image)
        self.transport.set_clips(
            [(mid, f"{mid} ({self.case.media_by_id(mid).kind.value})") for mid in clips]
        )
        question = self.questions.selected()
        here = {*clips, *(q.image.media for q in self.shown_questions() if q.image)}
        current = self.player.current_item
        if keep and current is not None and current.id in here:
            # A reload: stay where the author was (the item is the reloaded one, same file).
            self.player.show_item(current)
            return
        if question is not None and question.image is not None:
            self.show_question_image(question, cp)
            return
        self._show_step_item(step, cp)

    def _show_step_item(self, step: Step, cp: Checkpoint | None) -> None:
        """The step's own media: the segment at the checkpoint, its image, or its first clip."""
        assert self.case is not None
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

    def show_question_image(self, q: Question, cp: Checkpoint | None) -> None:
        """The picture `q` is answered on: a still, or its clip at the frame it names."""
        assert self.case is not None and q.image is not None
        item = self.case.media_by_id(q.image.media)
        frame = q.image.frame
        if frame is None and q.type.value == "hotspot":
            frame = scoring.key_response(q).get("frame")
        target = self.model.target
        if frame is None and cp is not None and target is not None:
            step = self.case.step_by_id(target.step_id)
            if step.media == item.id:
                frame = self.player.cp_frame(item, cp)
        self.player.show_item(item, frame=frame or 0, ms=0)

    def on_question_selected(self) -> None:
        """Browsing: choosing a question answered on a picture shows that picture."""
        q, target = self.questions.selected(), self.model.target
        if q is None or self.case is None or target is None:
            return
        if q.image is not None and self.model.session is None:
            step = self.case.step_by_id(target.step_id)
            cp = next((c for c in step.checkpoints if c.id == target.checkpoint_id), None)
            self.show_question_image(q, cp)

    def feed_question_images(self) -> None:
        """Give clip-frame questions the picture the media widget holds now."""
        current = self.player.current_item
        if self.case is None or current is None or current.is_picture:
            return
        image = self.media.current_frame()
        if image is None:
            return
        frame = self.engine.current_frame
        for widget in self.questions.widgets.values():
            q = widget.question
            if q.image is not None and q.image.media == current.id:
                widget.set_image(image, frame)

    # -- the questions

    def show_questions(self, qids: tuple[str, ...], *, select: str | None = None) -> None:
        from pocus_player.ui.questions import create_question_widget

        assert self.case is not None
        widgets: dict[str, Any] = {}
        for qid in qids:
            q = self.case.question_by_id(qid)
            widget = create_question_widget(q, self.case, self._still_image(q))
            widget.set_text_scale(self.text_scale)
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

    def shown_questions(self) -> list[Question]:
        return [w.question for w in self.questions.widgets.values()]

    def drafts(self) -> dict[str, dict[str, Any]]:
        """The answers on screen, by question id (kept over a reload)."""
        return {qid: w.response() for qid, w in self.questions.widgets.items()}

    def restore_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        """Put back answers typed before a reload, where the question still takes them."""
        kept = surviving_drafts(drafts, self.shown_questions())
        for qid, response in kept.items():
            self.questions.widgets[qid].set_response(response)

    def set_show_key(self, on: bool) -> None:
        for widget in self.questions.widgets.values():
            widget.set_show_key(on)

    def answer_with_key(self) -> None:
        for widget in self.questions.widgets.values():
            response = scoring.key_response(widget.question)
            if response:
                widget.set_response(response)

    def clear_answers(self) -> None:
        for widget in self.questions.widgets.values():
            widget.set_response({})
