"""Caption overlay and transcript drawer, drawn by the app from a `CaptionTrack`.

Captions are never handed to libvlc: the app draws them, so they look the same
for video, ultrasound clips and audio-only narration, scale with the
candidate's text size, and can be checked in tests.

`CaptionOverlay`
    Shows the cue(s) active at a media time (`set_time_ms`). White text on a
    semi-opaque black box around each line (opacity adjustable), wrapped to the
    widget's width, breaking inside a word only when one word is wider than the
    line, so nothing is clipped or elided at any scale from 100 % to 200 %. It
    reports its height for a width (height-for-width), so a layout gives it the
    room it needs below a media area; `anchor_to(area)` instead keeps it over the
    bottom of an area as a child widget.
    Signals: ``cueChanged(object)`` - the latest-starting active `Cue`, or None.

`TranscriptDrawer`
    The full written script: the media item's transcript, or the cue texts when
    there is none, with the current cue highlighted and (while "Follow" is on)
    scrolled into view. Read-only but focusable: arrow keys, Page Up/Down and
    selection work from the keyboard, and Tab moves on.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.captions import (
    CaptionTrack,
    Cue,
    active_cue,
    active_cues,
    transcript_spans,
)

log = logging.getLogger(__name__)

MIN_SCALE = 1.0
MAX_SCALE = 2.0


def clamp_scale(scale: float) -> float:
    return min(MAX_SCALE, max(MIN_SCALE, float(scale)))


class CaptionOverlay(QWidget):
    """The active caption over (or below) the media area.

    Signals:
        cueChanged(object): the latest-starting active `Cue`, or None when none is.
    """

    cueChanged = Signal(object)

    MARGIN = 8  # space between the widget's edge and the caption box, px
    PAD_X_EM = 0.4  # box padding around the text, in ems of the caption font
    PAD_Y_EM = 0.12

    def __init__(self, parent: QWidget | None = None, *, base_pixel_size: int = 24) -> None:
        super().__init__(parent)
        self._base_px = base_pixel_size
        self._scale = 1.0
        self._fitted_scale = 1.0  # the scale drawn: below _scale only if the area is too small
        self._opacity = 0.75
        self._track: CaptionTrack | None = None
        self._cues: tuple[Cue, ...] = ()
        self._text = ""
        self._area: QWidget | None = None
        self._caption_font = QFont(self.font())
        self._apply_font()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Clicks go to the media area below; the overlay only shows text.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.setAccessibleName(self.tr("Captions"))
        self._update_accessible_description()

    # ------------------------------------------------------------------ state

    def set_track(self, track: CaptionTrack | None) -> None:
        """Show cues from this track (None: no captions); clears the current text."""
        self._track = track
        self._set_cues(())

    def track(self) -> CaptionTrack | None:
        return self._track

    @Slot(int)
    def set_time_ms(self, ms: int) -> None:
        """Show the cue(s) active at this media time in milliseconds."""
        if self._track is None:
            return
        self._set_cues(active_cues(self._track, ms / 1000))

    @Slot(float)
    def set_text_scale(self, scale: float) -> None:
        """Caption size as a fraction of the base size, clamped to 1.0-2.0."""
        scale = clamp_scale(scale)
        if scale == self._scale:
            return
        self._scale = scale
        self._apply_font()
        self._relayout()

    def text_scale(self) -> float:
        return self._scale

    @Slot(float)
    def set_background_opacity(self, opacity: float) -> None:
        """Opacity of the black box behind the text, 0.0 (none) to 1.0 (solid)."""
        self._opacity = min(1.0, max(0.0, float(opacity)))
        self.update()

    def background_opacity(self) -> float:
        return self._opacity

    def text(self) -> str:
        """The caption text shown now ("" when none)."""
        return self._text

    def current_cue(self) -> Cue | None:
        return self._cues[-1] if self._cues else None

    def caption_font(self) -> QFont:
        return QFont(self._caption_font)

    def _set_cues(self, cues: tuple[Cue, ...]) -> None:
        if cues == self._cues:
            return
        before = self.current_cue()
        self._cues = cues
        self._text = "\n".join(c.display_text for c in cues)
        self._update_accessible_description()
        self._relayout()
        after = self.current_cue()
        if after != before:
            self.cueChanged.emit(after)

    def effective_text_scale(self) -> float:
        """The scale drawn now: the chosen one, unless a cue would not fit the anchored area."""
        return self._fitted_scale

    def _apply_font(self, scale: float | None = None) -> None:
        self._fitted_scale = self._scale if scale is None else scale
        font = QFont(self.font())
        font.setPixelSize(round(self._base_px * self._fitted_scale))
        self._caption_font = font

    def _update_accessible_description(self) -> None:
        self.setAccessibleDescription(self._text or self.tr("No caption at this time"))

    # ------------------------------------------------------------------ geometry

    def _pads(self) -> tuple[float, float]:
        px = self._caption_font.pixelSize()
        return self.PAD_X_EM * px, self.PAD_Y_EM * px

    def _layouts(self, width: int) -> tuple[list[QTextLayout], float]:
        """Laid-out paragraphs of the current text for a widget width, and their height."""
        pad_x, _ = self._pads()
        avail = max(1.0, width - 2 * self.MARGIN - 2 * pad_x)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        # Break inside a word only when it alone is wider than the line: never clip.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layouts: list[QTextLayout] = []
        y = 0.0
        if not self._text:
            return layouts, 0.0
        for paragraph in self._text.split("\n"):
            layout = QTextLayout(paragraph, self._caption_font)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(avail)
                line.setPosition(QPointF(0.0, y))
                y += line.height()
            layout.endLayout()
            layouts.append(layout)
        return layouts, y

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _, pad_y = self._pads()
        _, text_h = self._layouts(width)
        # Room for one line even when empty, so a layout below the video does not jump.
        one_line = QFontMetricsF(self._caption_font).lineSpacing()
        return math.ceil(2 * self.MARGIN + 2 * pad_y + max(text_h, one_line))

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 640
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        _, pad_y = self._pads()
        one_line = QFontMetricsF(self._caption_font).lineSpacing()
        return QSize(
            4 * self._caption_font.pixelSize(), math.ceil(2 * self.MARGIN + 2 * pad_y + one_line)
        )

    def laid_out_lines(self) -> list[str]:
        """The text of each displayed line at the current width (tests, accessibility)."""
        out: list[str] = []
        layouts, _ = self._layouts(self.width())
        for layout in layouts:
            text = layout.text()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                out.append(text[line.textStart() : line.textStart() + line.textLength()])
        return out

    def text_rect(self) -> QRect:
        """The box the caption text is drawn in, in widget coordinates (empty when none)."""
        layouts, text_h = self._layouts(self.width())
        if not layouts:
            return QRect()
        origin = self._text_origin(text_h)
        box = QRectF()
        for layout in layouts:
            for i in range(layout.lineCount()):
                box = box.united(layout.lineAt(i).naturalTextRect().translated(origin))
        return box.toAlignedRect()

    def _text_origin(self, text_h: float) -> QPointF:
        pad_x, pad_y = self._pads()
        # Bottom-aligned like broadcast captions, so short cues sit low over the picture.
        top = max(self.MARGIN + pad_y, self.height() - self.MARGIN - pad_y - text_h)
        return QPointF(self.MARGIN + pad_x, top)

    def _relayout(self) -> None:
        if self._fitted_scale != self._scale:
            self._apply_font()  # every cue starts at the chosen size
        self.updateGeometry()
        if self._area is not None:
            self._follow_area()
        self.update()

    # ------------------------------------------------------------------ anchoring

    def anchor_to(self, area: QWidget) -> None:
        """Sit over the bottom of `area` as its child, following its size.

        The overlay is shown only while a caption is active, so it never hides
        the picture (or takes clicks) between cues.

        For a native video surface (libvlc draws into its window), the overlay is
        made a native window too, so the window system stacks it above the video.
        """
        if self._area is not None:
            self._area.removeEventFilter(self)
        self._area = area
        self.setParent(area)
        if area.testAttribute(Qt.WidgetAttribute.WA_NativeWindow):
            self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        area.installEventFilter(self)
        self._follow_area()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: while the area is being destroyed this wrapper may already be torn down.
        area = getattr(self, "_area", None)
        if area is not None and watched is area:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
                self._follow_area()
            return False
        return super().eventFilter(watched, event)

    def _follow_area(self) -> None:
        area = self._area
        if area is None:
            return
        width = area.width()
        if self._fitted_scale != self._scale:
            self._apply_font()
        # A long cue at a large scale may not fit over a small media area. Rather than
        # hide words, draw this cue a little smaller (never below 100 %); a layout
        # below the media area (not anchored) grows instead.
        if area.height() > 0:
            scale = self._scale
            while scale > MIN_SCALE and self.heightForWidth(width) > area.height():
                scale = max(MIN_SCALE, scale - 0.05)
                self._apply_font(scale)
            if self.heightForWidth(width) > area.height():
                log.debug("a caption does not fit its %d px high area", area.height())
        height = min(area.height(), self.heightForWidth(width))
        self.setGeometry(0, area.height() - height, width, height)
        # Over the picture the overlay exists only while a caption shows: a native
        # window (above a libvlc surface) cannot be see-through when empty.
        self.setVisible(bool(self._text))
        if self._text:
            self.raise_()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        layouts, text_h = self._layouts(self.width())
        if not layouts:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        origin = self._text_origin(text_h)
        pad_x, pad_y = self._pads()
        # One merged path, so boxes of adjacent lines do not double their opacity.
        box = QPainterPath()
        box.setFillRule(Qt.FillRule.WindingFill)  # overlapping line boxes add, never cancel
        for layout in layouts:
            for i in range(layout.lineCount()):
                rect = layout.lineAt(i).naturalTextRect().translated(origin)
                box.addRect(rect.adjusted(-pad_x, -pad_y, pad_x, pad_y))
        if self._opacity > 0:
            painter.fillPath(box.simplified(), QColor(0, 0, 0, round(255 * self._opacity)))
        if self._opacity < 0.5:
            # Little or no box: a dark edge keeps white text legible on bright images.
            painter.setPen(QColor(0, 0, 0))
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)):
                for layout in layouts:
                    layout.draw(painter, origin + QPointF(dx * 1.5, dy * 1.5))
        painter.setPen(QColor(255, 255, 255))
        for layout in layouts:
            layout.draw(painter, origin)
        painter.end()


def _utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 code units; Python in code points."""
    return len(text[:index].encode("utf-16-le")) // 2


class TranscriptDrawer(QWidget):
    """The full written script, with the current cue highlighted.

    Signals:
        currentCueChanged(object): the highlighted `Cue`, or None.
    """

    currentCueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, base_pixel_size: int = 16) -> None:
        super().__init__(parent)
        self._base_px = base_pixel_size
        self._scale = 1.0
        self._track: CaptionTrack | None = None
        self._text = ""
        self._spans: tuple[tuple[int, int] | None, ...] = ()
        self._current: Cue | None = None

        self._title = QLabel(self.tr("&Transcript"), self)
        self._follow = QCheckBox(self.tr("&Follow playback"), self)
        self._follow.setChecked(True)
        self._follow.setToolTip(self.tr("Keep the line being spoken in view"))
        self._follow.toggled.connect(self._on_follow_toggled)
        self._view = QPlainTextEdit(self)
        self._view.setReadOnly(True)
        # Read-only text is still navigable and selectable from the keyboard.
        self._view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self._view.setTabChangesFocus(True)
        self._view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._view.setAccessibleName(self.tr("Transcript"))
        self._view.setAccessibleDescription(self.tr("Written script of the media being played"))
        self._title.setBuddy(self._view)

        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self._view, 1)
        self.setAccessibleName(self.tr("Transcript drawer"))
        self._apply_font()

    def setFocus(  # noqa: N802 (Qt's name)
        self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason
    ) -> None:
        """Focus the text. Not a focus proxy: with one the drawer reports the focused state
        too, and a screen reader sees two focused nodes."""
        self._view.setFocus(reason)

    # ------------------------------------------------------------------ content

    def set_content(self, transcript: str = "", track: CaptionTrack | None = None) -> None:
        """Show `transcript`, or the cue texts of `track` when the transcript is empty."""
        self._track = track
        transcript = transcript.replace("\r\n", "\n").replace("\r", "\n").strip()
        if transcript:
            self._text = transcript
            self._spans = transcript_spans(transcript, track) if track is not None else ()
        elif track is not None:
            parts: list[str] = []
            spans: list[tuple[int, int] | None] = []
            pos = 0
            for cue in track.cues:
                if parts:
                    pos += 2  # the blank line between paragraphs
                parts.append(cue.display_text)
                spans.append((pos, pos + len(cue.display_text)))
                pos += len(cue.display_text)
            self._text = "\n\n".join(parts)
            self._spans = tuple(spans)
        else:
            self._text = ""
            self._spans = ()
        self._view.setPlainText(self._text)
        self._view.setPlaceholderText(self.tr("No written script for this item"))
        self._current = None
        self._apply_highlight()

    def text(self) -> str:
        return self._text

    @Slot(int)
    def set_time_ms(self, ms: int) -> None:
        """Highlight the cue active at this media time in milliseconds."""
        cue = active_cue(self._track, ms / 1000) if self._track is not None else None
        if cue == self._current:
            return
        self._current = cue
        self._apply_highlight()
        self.currentCueChanged.emit(cue)

    def current_cue(self) -> Cue | None:
        return self._current

    def highlighted_text(self) -> str:
        """The part of the script highlighted now ("" when none)."""
        span = self._current_span()
        return self._text[span[0] : span[1]] if span else ""

    @Slot(float)
    def set_text_scale(self, scale: float) -> None:
        """Text size as a fraction of the base size, clamped to 1.0-2.0 (as the captions)."""
        scale = clamp_scale(scale)
        if scale != self._scale:
            self._scale = scale
            self._apply_font()
            self._scroll_to_current()

    def text_scale(self) -> float:
        return self._scale

    def follows_playback(self) -> bool:
        return self._follow.isChecked()

    def set_follows_playback(self, on: bool) -> None:
        self._follow.setChecked(on)

    def text_view(self) -> QPlainTextEdit:
        return self._view

    # ------------------------------------------------------------------ internals

    def _apply_font(self) -> None:
        font = QFont(self._view.font())
        font.setPixelSize(round(self._base_px * self._scale))
        self._view.setFont(font)
        self._view.document().setDefaultFont(font)

    def _current_span(self) -> tuple[int, int] | None:
        if self._current is None or self._current.index >= len(self._spans):
            return None
        return self._spans[self._current.index]

    def _span_cursor(self, span: tuple[int, int]) -> QTextCursor:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(_utf16_offset(self._text, span[0]))
        cursor.setPosition(_utf16_offset(self._text, span[1]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply_highlight(self) -> None:
        span = self._current_span()
        if span is None:
            self._view.setExtraSelections([])
            self._view.setAccessibleDescription(self.tr("Written script of the media being played"))
            return
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        palette = self._view.palette()
        fmt.setBackground(palette.color(palette.ColorRole.Highlight))
        fmt.setForeground(palette.color(palette.ColorRole.HighlightedText))
        # An underline as well as colour, so the highlight survives a monochrome theme.
        fmt.setFontUnderline(True)
        selection.format = fmt
        selection.cursor = self._span_cursor(span)
        self._view.setExtraSelections([selection])
        self._view.setAccessibleDescription(
            self.tr("Now: {text}").format(text=self._text[span[0] : span[1]])
        )
        self._scroll_to_current()

    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        span = self._current_span()
        if span is None or not self._follow.isChecked():
            return
        cursor = self._span_cursor(span)
        end_rect = self._view.cursorRect(cursor)
        cursor.setPosition(cursor.anchor())
        start_rect = self._view.cursorRect(cursor)
        viewport = self._view.viewport().rect()
        if viewport.contains(start_rect.topLeft()) and viewport.contains(end_rect.bottomLeft()):
            return
        # Scroll by whole lines (QPlainTextEdit scrolls in blocks/lines) until the
        # start of the cue is near the top third of the view.
        bar = self._view.verticalScrollBar()
        target = self._view.document().findBlock(cursor.position())
        first = target.firstLineNumber()
        layout = target.layout()
        line_in_block = layout.lineForTextPosition(cursor.positionInBlock()).lineNumber()
        line_no = first + max(0, line_in_block)
        line_px = max(1.0, self._view.fontMetrics().lineSpacing())
        lead = int(viewport.height() / line_px / 3)
        bar.setValue(max(0, line_no - lead))
