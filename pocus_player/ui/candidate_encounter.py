"""The candidate window's encounter page: the media with captions and script, and the question panel.

Left, the media (with captions over it), what is playing, the captions and
script buttons and the written script's drawer; right, when a checkpoint is
open, the question panel (ui/checkpoint_panel.py) or, in practice mode, the
feedback. The page shows what the exam controller says: the questions of an
open checkpoint (`show_checkpoint`), what the media area holds beside them, the
clips' replay buttons, the captions of what plays. The candidate window
connects it to the controller.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from pocus_player.core.captions import CaptionError
from pocus_player.core.model import MediaItem, Navigation
from pocus_player.core.session import OpenCheckpoint, SubmitOutcome
from pocus_player.ui.candidate_widgets import focus_button, plain_label
from pocus_player.ui.captions_view import CaptionOverlay, TranscriptDrawer
from pocus_player.ui.checkpoint_panel import CheckpointPanel, FeedbackPanel
from pocus_player.ui.reflow import ReflowRow
from pocus_player.ui.sealed_files import read_captions

if TYPE_CHECKING:
    from pocus_player.ui.exam_controller import ExamController

log = logging.getLogger(__name__)


class MediaArea(QWidget):
    """The media widget (video, still or narration poster) with the captions over its bottom."""

    def __init__(self, media_widget: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.media_widget = media_widget
        media_widget.setAccessibleName(self.tr("Media"))
        media_widget.setAccessibleDescription(self.tr("The case video, ultrasound clip or image"))
        self.captions = CaptionOverlay()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(media_widget)
        self.captions.anchor_to(media_widget)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_still(self, item: MediaItem) -> None:
        try:
            self.media_widget.show_image(item.file)
        except ValueError as exc:
            log.warning("image %s not shown: %s", item.id, exc)
        self.media_widget.setAccessibleDescription(item.title)
        self.captions.set_track(None)

    def show_nothing(self, message: str = "") -> None:
        self.media_widget.clear(message)
        self.captions.set_track(None)


class EncounterPage(QWidget):
    """See the module docstring."""

    def __init__(
        self, controller: ExamController, media_widget: QWidget, *, captions_always: bool
    ) -> None:
        super().__init__()
        self.controller = controller
        self.captions_always = captions_always
        self.text_scale = 1.0
        self._init_media_side(media_widget)
        self.panel = CheckpointPanel()
        self.feedback = FeedbackPanel()
        self.side = QStackedWidget()
        self.side.addWidget(self.panel)
        self.side.addWidget(self.feedback)
        self.side.setMinimumWidth(300)
        self.side.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.panel.questions.currentChanged.connect(self._on_question_shown)
        self.panel.confirming.connect(self._on_confirming)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.splitter)
        self.captions_button.toggled.connect(self._on_captions_toggled)
        self.transcript_button.clicked.connect(self.toggle_transcript)

    def _init_media_side(self, media_widget: QWidget) -> None:
        self.media_area = MediaArea(media_widget)
        self.transcript = TranscriptDrawer()
        self.transcript.hide()
        self.now_playing = plain_label("")
        self.now_playing.setProperty("role", "muted")
        self.captions_button = focus_button(
            self.tr("Captions: on"),
            self.tr("Captions"),
            self.tr("Show or hide the captions over the media"),
        )
        self.captions_button.setCheckable(True)
        self.captions_button.setChecked(True)
        self.transcript_button = focus_button(
            self.tr("Show written script (Ctrl+T)"),
            self.tr("Written script"),
            self.tr("Show or hide the full written script of the media"),
        )
        controls = ReflowRow()
        controls.add_stretch(1)
        controls.add(self.captions_button)
        controls.add(self.transcript_button)
        self.left = QWidget()
        lv = QVBoxLayout(self.left)
        lv.setContentsMargins(8, 8, 8, 8)
        lv.addWidget(self.media_area, 3)
        lv.addWidget(self.now_playing)
        lv.addWidget(controls)
        lv.addWidget(self.transcript, 2)

    # -- the media side

    def set_text_scale(self, scale: float) -> None:
        self.text_scale = scale
        self.media_area.captions.set_text_scale(scale)
        self.transcript.set_text_scale(scale)
        self.panel.set_text_scale(scale)

    def toggle_transcript(self) -> None:
        show = not self.transcript.isVisible()
        self.transcript.setVisible(show)
        self.transcript_button.setText(
            self.tr("Hide written script (Ctrl+T)")
            if show
            else self.tr("Show written script (Ctrl+T)")
        )
        if show:
            self.transcript.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_captions_toggled(self, on: bool) -> None:
        if self.captions_always and not on:
            self.captions_button.setChecked(True)
            return
        self.media_area.captions.setVisible(on)
        self.captions_button.setText(self.tr("Captions: on") if on else self.tr("Captions: off"))

    def set_time_ms(self, ms: int) -> None:
        """The media's position: the captions and the script's highlighted cue follow it."""
        self.media_area.captions.set_time_ms(ms)
        self.transcript.set_time_ms(ms)

    def show_loaded(self, media_id: str) -> None:
        """A clip was loaded: its title, its captions and its written script."""
        try:
            item = self.controller.media_item(media_id)
        except KeyError:
            return
        self.now_playing.setText(item.title)
        track = None
        if item.captions is not None:
            try:
                track = read_captions(item.captions)  # a sealed package's from memory
            except CaptionError as exc:
                log.warning("captions of %s not shown: %s", item.id, exc)
        self.media_area.captions.set_track(track)
        self.transcript.set_content(item.transcript, track)

    def media_side_shown(self) -> bool:
        return self.left.isVisibleTo(self.window())

    def questions_shown(self) -> bool:
        return self.side.isVisibleTo(self.window())

    def show_media_side(self, on: bool) -> None:
        """The media beside the questions (sized by the text scale), or the questions alone."""
        self.left.setVisible(on)
        if on and self.questions_shown():
            width = max(1, self.window().width())
            share = min(0.62, 0.40 + 0.22 * (self.text_scale - 1.0))
            self.splitter.setSizes([int(width * (1 - share)), int(width * share)])

    # -- the question side

    def show_checkpoint(self, cp: OpenCheckpoint) -> None:
        """The questions of a checkpoint just opened, with their drafts and the clips to replay."""
        from pocus_player.ui.questions import create_question_widget, load_question_image

        c = self.controller
        case = c.session.case if c.session else c.case
        drafts = c.session.drafts if c.session else {}
        widgets = []
        for q in cp.questions:
            image = None
            if q.image is not None:
                try:
                    image = load_question_image(q, case)
                except Exception as exc:  # a picture that cannot be shown: the proctor is told
                    log.warning("image of %s not loaded: %s", q.id, type(exc).__name__)
            w = create_question_widget(q, case, image)
            if q.id in drafts:
                w.set_response(drafts[q.id])
            widgets.append(w)
        clips = [(m, case.media_by_id(m).title or m) for m in cp.clips]
        step = c.session.current_step if c.session else None
        if step is not None and step.type.value == "segment":
            clips = []  # the segment itself goes on after submit; no replays mid-narrative
        self.panel.show_checkpoint(
            cp,
            widgets,
            free_navigation=case.settings.navigation is Navigation.FREE,
            clips=clips,
        )
        self.show_checkpoint_media(cp)
        self.update_clips()

    def _on_question_shown(self) -> None:
        """Another question of the open checkpoint: one on an image of its own takes the room."""
        from pocus_player.ui.exam_controller import Phase

        c = self.controller
        cp = c.session.open_checkpoint if c.session else None
        if cp is not None and c.phase is Phase.CHECKPOINT:
            self.show_checkpoint_media(cp)

    def _on_confirming(self, on: bool) -> None:
        """The submit confirmation takes the whole width: its text is in view at 200 % text."""
        if on:
            self.show_media_side(False)
        else:
            self._on_question_shown()

    def _current_has_own_image(self, cp: OpenCheckpoint) -> bool:
        """The question on show is answered on an image it draws itself (hotspot, caliper)."""
        widget = self.panel.current_widget()
        question = getattr(widget, "question", None)
        return question is not None and question in cp.questions and question.image is not None

    def show_checkpoint_media(self, cp: OpenCheckpoint) -> None:
        """The media area beside open questions: the held frame, a still, or a poster."""
        c = self.controller
        if c.session is None:
            return
        case = c.session.case
        answered_on_image = any(
            q.image is not None and q.image.media == cp.image for q in cp.questions
        )
        step = c.session.current_step
        segment = step is not None and step.type.value == "segment"
        if self._current_has_own_image(cp) and not segment:
            # Its stem and its whole image need the room: the clips play beside it again
            # when one is replayed (the REVIEWING phase shows the media side).
            self.show_media_side(False)
        elif cp.image is not None and not answered_on_image:
            item = case.media_by_id(cp.image)
            self.media_area.show_still(item)
            self.now_playing.setText(item.title)
            self.show_media_side(True)
        elif step is not None and not segment and cp.clips:
            self.media_area.show_nothing(
                self.tr("The clips play here. Choose “Play clip” beside the questions.")
            )

            self.now_playing.setText(
                (step.instructions + " " if step.instructions else "")
                + self.tr("Play the clips with the buttons beside the questions.")
            )
            self.show_media_side(True)
        elif not segment:
            # Questions only, or the question shows its image itself: the panel takes the room.
            self.show_media_side(False)
        else:
            self.show_media_side(True)

    def update_clips(self) -> None:
        """The replay buttons of the open checkpoint: first play, replays left, none left."""
        c = self.controller
        if c.session is None:
            return
        cp = c.session.open_checkpoint
        if cp is None:
            return
        for m in cp.clips:
            title = c.media_item(m).title or m
            self.panel.set_clip_state(m, title, c.first_play_pending(m), c.replays_left(m))

    def show_feedback(self, outcome: SubmitOutcome) -> None:
        """Practice mode: the feedback of a submission; the answers cannot change any more."""
        c = self.controller
        case = c.session.case if c.session else c.case
        responses = c.session.responses if c.session else {}
        self.feedback.show_outcome(outcome, {q.id: q for q in case.questions}, responses)
        for w in self.panel.widgets():
            w.set_read_only(True)
