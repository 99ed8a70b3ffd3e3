"""The review packet: a PDF of a case for the review committee, made with QtGui only.

Contents: a cover page (case facts, settings, domains with their points, the
step flow with its branches), the script (each media item's transcript and
caption cues with their times), then every question on a page of its own, in
the order candidates meet them: where it is asked, its picture (the still, the
frame the question is asked on, the checkpoint's frozen frame, or frames of
the clips reviewed), stem, options with the key marked, the key drawn on the
picture (hotspot regions, the caliper's endpoints and tolerance band), the
rationale, domain, points and the branches that depend on it.

Frames of clips are decoded by the media layer (`MediaEngine`, libvlc), never
by an external tool. `export_packet` needs a QGuiApplication; the command line
makes one, offscreen when there is no display.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QMarginsF, QPointF, QRectF, QSizeF, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
    QTextDocument,
)

from pocus_player.core.captions import CaptionError, load_captions
from pocus_player.core.case_map import checkpoint_label, describe_rule
from pocus_player.core.media_info import MediaInfo
from pocus_player.core.model import (
    END,
    NOT_POSSIBLE,
    Calibration,
    Case,
    Circle,
    MediaItem,
    MediaKind,
    Polygon,
    Question,
    QuestionType,
    Rect,
    Region,
    Step,
    StepType,
)
from pocus_player.core.scoring import key_response
from pocus_player.core.timecode import format_time
from pocus_player.ui.case_outline import TYPE_NAMES

if TYPE_CHECKING:
    from pocus_player.media.engine import MediaEngine
    from pocus_player.media.probe import VlcMediaProbe
    from pocus_player.media.vlc_instance import VlcRuntime

log = logging.getLogger(__name__)

PICTURE_WIDTH = 440  # points on the page
THUMB_WIDTH = 210
PDF_DPI = 96  # layout resolution; text stays vector and pictures keep their pixels
KEY_COLOUR = QColor("#1e6b34")
OTHER_COLOUR = QColor("#4a5560")
BAND_COLOUR = QColor(30, 107, 52, 70)


class PacketError(Exception):
    """The packet cannot be written (the message says why)."""


# -- frames ------------------------------------------------------------------------------------


class _PicturesOnlyProbe:
    """The media probe, reporting no sound: the packet needs pictures only.

    The engine decodes a clip with sound at normal speed (to keep it in sync);
    with sound switched off in libvlc as well, frames are found at scan speed.
    """

    def __init__(self, probe: VlcMediaProbe) -> None:
        self._probe = probe

    def probe(self, path: Path) -> MediaInfo:
        return dataclasses.replace(self._probe.probe(path), has_audio=False)

    def probe_full(self, path: Path) -> tuple[MediaInfo, float]:
        info, sar = self._probe.probe_full(path)
        return dataclasses.replace(info, has_audio=False), sar

    def __getattr__(self, name: str) -> Any:
        return getattr(self._probe, name)  # everything else the engine asks of a probe


class FrameGrabber:
    """Decodes single frames of clips through the media engine; stills are read directly."""

    def __init__(self, timeout_ms: int = 20000) -> None:
        self.timeout_ms = timeout_ms
        self._engine: MediaEngine | None = None
        self._runtime: VlcRuntime | None = None
        self._cache: dict[tuple[Path, int], QImage | None] = {}

    def _get_engine(self) -> MediaEngine:
        if self._engine is None:
            from pocus_player.media.engine import MediaEngine
            from pocus_player.media.policy import PlaybackPolicy
            from pocus_player.media.probe import VlcMediaProbe
            from pocus_player.media.vlc_instance import VlcRuntime

            self._runtime = VlcRuntime(("--no-audio",))
            probe = _PicturesOnlyProbe(VlcMediaProbe(self._runtime))
            self._engine = MediaEngine(
                self._runtime,
                probe=probe,
                policy=PlaybackPolicy.preview(),
            )
        return self._engine

    def still(self, item: MediaItem) -> QImage | None:
        image = QImage(str(item.file))
        return None if image.isNull() else image

    def image(self, item: MediaItem, frame: int | None) -> QImage | None:
        """The picture of a still, or frame `frame` (default 0) of a clip; None for audio."""
        if item.is_picture:
            return self.still(item)
        if item.kind is MediaKind.NARRATION:
            return None
        return self.frame(item, frame or 0)

    def frame(self, item: MediaItem, index: int) -> QImage | None:
        key = (item.file, index)
        if key not in self._cache:
            self._cache[key] = self._decode(item, index)
        return self._cache[key]

    def _wait(self, signals: list[Any], start: Callable[[], None]) -> tuple[Any, ...] | None:
        loop = QEventLoop()
        got: list[tuple[Any, ...]] = []

        def done(*args: object) -> None:
            got.append(args)
            loop.quit()

        for sig in signals:
            sig.connect(done)
        QTimer.singleShot(self.timeout_ms, loop.quit)
        try:
            start()
            if not got:
                loop.exec()
        finally:
            for sig in signals:
                sig.disconnect(done)
        return got[0] if got else None

    def _decode(self, item: MediaItem, index: int) -> QImage | None:
        engine = self._get_engine()
        loaded = self._wait(
            [engine.media_loaded, engine.media_fault],
            lambda: engine.load(
                item.file, media_id=item.id, frame_rate=item.frame_rate, autoplay=False
            ),
        )
        if loaded is None or engine.media is None:
            log.warning("cannot open %s for the packet: %s", item.file.name, loaded)
            return None
        if not engine.media.is_video:
            return None
        target = min(index, max(0, engine.media.frame_count - 1))
        got = self._wait(
            [engine.seek_finished, engine.media_fault], lambda: engine.seek_frame(target)
        )
        if got is None or engine.current_frame != target:
            log.warning("frame %d of %s could not be decoded", target, item.file.name)
            return None
        return engine.frozen_frame()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        if self._runtime is not None:
            self._runtime.release()
            self._runtime = None


# -- drawing the key ----------------------------------------------------------------------------


def _unit_scale(unit: str) -> float:
    return {"cm": 1.0, "mm": 10.0, "s": 1.0, "ms": 1000.0}.get(unit, 1.0)


def caliper_band(question: Question, calibration: Calibration | None) -> tuple[float, float] | None:
    """Distances in pixels from the first key endpoint, along the key line, that score correct."""
    key = question.caliper
    if key is None or key.endpoints is None or calibration is None:
        return None
    (x1, y1), (x2, y2) = key.endpoints
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    if length == 0:
        return None
    ux, uy = abs(dx) / length, abs(dy) / length
    if key.axis == "vertical":
        per_px = calibration.y_cm_per_pixel / max(uy, 1e-9)
    elif key.axis == "horizontal":
        base = calibration.x_s_per_pixel if key.unit in ("s", "ms") else calibration.x_cm_per_pixel
        if base is None:
            return None
        per_px = base / max(ux, 1e-9)
    else:
        xc = calibration.x_cm_per_pixel
        if xc is None:
            return None
        per_px = math.hypot(ux * xc, uy * calibration.y_cm_per_pixel)
    value = key.value / _unit_scale(key.unit)
    tol = key.tolerance * (abs(key.value) if key.tolerance_kind.value == "relative" else 1.0)
    tol /= _unit_scale(key.unit)
    half_step = 0.5 * 10 ** (-key.decimals) / _unit_scale(key.unit)  # rounding widens the band
    lo = max(0.0, (value - tol - half_step) / per_px)
    hi = (value + tol + half_step) / per_px
    return (lo, hi)


def draw_key(
    painter: QPainter, question: Question, calibration: Calibration | None, frame: int | None
) -> None:
    """Draw a hotspot or caliper key over an image painted at source-pixel coordinates."""
    font = QFont(painter.font())
    font.setPixelSize(14)
    painter.setFont(font)
    if question.type is QuestionType.HOTSPOT:
        key = set(question.key)
        for region in question.regions:
            _draw_region(painter, region, region.id in key, frame)
    elif question.type is QuestionType.CALIPER and question.caliper and question.caliper.endpoints:
        _draw_caliper_key(painter, question, calibration)


def _draw_region(painter: QPainter, region: Region, is_key: bool, frame: int | None) -> None:
    """A hotspot region, filled; a key region solid, others (and a key not shown now) dashed."""
    active = region.frames is None or (
        frame is not None and region.frames[0] <= frame <= region.frames[1]
    )
    colour = KEY_COLOUR if is_key else OTHER_COLOUR
    pen = QPen(colour, 3.0)
    if not is_key or not active:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    fill = QColor(colour)
    fill.setAlpha(70 if is_key else 25)
    painter.setBrush(fill)
    shape = region.shape
    if isinstance(shape, Circle):
        painter.drawEllipse(QPointF(shape.cx, shape.cy), shape.r, shape.r)
        anchor = QPointF(shape.cx - shape.r, shape.cy - shape.r - 4)
    elif isinstance(shape, Rect):
        painter.drawRect(QRectF(shape.x, shape.y, shape.w, shape.h))
        anchor = QPointF(shape.x, shape.y - 4)
    else:
        assert isinstance(shape, Polygon)
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in shape.points]))
        anchor = QPointF(min(p[0] for p in shape.points), min(p[1] for p in shape.points) - 4)
    label = (region.label or region.id) + (" (key)" if is_key else "")
    if region.frames is not None:
        label += f" frames {region.frames[0]}-{region.frames[1]}"
    painter.setPen(QPen(QColor("white"), 4))
    painter.drawText(anchor, label)
    painter.setPen(colour.darker(130) if is_key else colour)
    painter.drawText(anchor, label)


def _draw_caliper_key(
    painter: QPainter, question: Question, calibration: Calibration | None
) -> None:
    """The expected measurement: its endpoints, the tolerance band along it, and the value."""
    caliper = question.caliper
    assert caliper is not None and caliper.endpoints is not None
    (x1, y1), (x2, y2) = caliper.endpoints
    band = caliper_band(question, calibration)
    if band is not None:
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        lo, hi = band
        band_pen = QPen(BAND_COLOUR, 14, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        painter.setPen(band_pen)
        painter.drawLine(QPointF(x1 + ux * lo, y1 + uy * lo), QPointF(x1 + ux * hi, y1 + uy * hi))
    painter.setPen(QPen(KEY_COLOUR, 2))
    painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    for x, y in ((x1, y1), (x2, y2)):
        painter.drawLine(QPointF(x - 7, y), QPointF(x + 7, y))
        painter.drawLine(QPointF(x, y - 7), QPointF(x, y + 7))
    text = f"{caliper.value:g} {caliper.unit} ± {caliper.tolerance:g}{' x value' if caliper.tolerance_kind.value == 'relative' else ''}"
    painter.setPen(QPen(QColor("white"), 4))
    painter.drawText(QPointF(max(x1, x2) + 10, (y1 + y2) / 2), text)
    painter.setPen(KEY_COLOUR.darker(130))
    painter.drawText(QPointF(max(x1, x2) + 10, (y1 + y2) / 2), text)


def image_with_key(
    image: QImage, question: Question, calibration: Calibration | None, frame: int | None
) -> QImage:
    out = image.convertToFormat(QImage.Format.Format_ARGB32)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_key(painter, question, calibration, frame)
    painter.end()
    return out


# -- where each question is asked -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Placement:
    question: Question
    step: Step
    where: str  # human-readable: "step intro, checkpoint cp-plan at 00:20.000"
    pictures: tuple[tuple[MediaItem, int | None, str], ...]  # (media, frame, caption)
    image_frame: int | None  # the frame the key refers to (hotspot frames)


Pictures = tuple[tuple[MediaItem, int | None, str], ...]  # (media, frame or None, caption)


def placements(case: Case) -> list[Placement]:
    """Every question in presentation order, with the pictures that belong to it."""
    out: list[Placement] = []
    seen: set[str] = set()
    for step in case.steps:
        for where, qids, pics in _step_groups(case, step):
            for qid in qids:
                if qid in seen:
                    continue
                seen.add(qid)
                q = case.question_by_id(qid)
                own = pics
                shown: int | None = None
                if q.image is not None:
                    img = case.media_by_id(q.image.media)
                    shown = q.image.frame
                    if shown is None and q.type is QuestionType.HOTSPOT:
                        shown = key_response(q).get("frame")
                    label = f"{img.id}" + (f", frame {shown}" if shown is not None else "")
                    own = ((img, shown, f"{label} (the question's image, key drawn)"),)
                out.append(Placement(q, step, where, own, shown))
    for q in case.questions:  # never asked: still reviewed, flagged as such
        if q.id not in seen:
            out.append(Placement(q, case.steps[0], "never asked", (), None))
    return out


def _step_groups(case: Case, step: Step) -> list[tuple[str, tuple[str, ...], Pictures]]:
    """A step's questions in groups, each with where it is asked and the pictures shown there."""
    if step.type is StepType.SEGMENT and step.media is not None:
        item = case.media_by_id(step.media)
        groups: list[tuple[str, tuple[str, ...], Pictures]] = []
        for cp in step.checkpoints:
            timeline = item.timeline if item.frame_rate else None
            where = f"step {step.id}, checkpoint {cp.id} at {checkpoint_label(cp, timeline)}"
            pics: Pictures = ()
            if item.kind is not MediaKind.NARRATION and timeline is not None:
                frame = cp.target_frame(timeline)
                pics = ((item, frame, f"{item.id}, frame {frame} (the checkpoint's frozen frame)"),)
            groups.append((where, cp.questions, pics))
        return groups
    pics = ()
    if step.image is not None:
        img = case.media_by_id(step.image)
        pics = ((img, None, f"{img.id} (shown beside the questions)"),)
    elif step.clips:
        clip_pics = []
        for mid in step.clips:
            clip = case.media_by_id(mid)
            if clip.kind is MediaKind.NARRATION:
                continue
            # A frame 1.5 s in shows what the clip is about better than its first.
            middle = None
            if clip.frame_rate and clip.kind.is_timed and not clip.is_picture:
                middle = clip.timeline.s_to_frame(1.5)
            caption = f"{clip.id}" + (f", frame {middle}" if middle is not None else "")
            clip_pics.append((clip, middle, caption))
        pics = tuple(clip_pics)
    return [(f"step {step.id} ({step.type.value})", step.questions, pics)]


# -- the document --------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text))


def _calibration_of(case: Case, q: Question) -> Calibration | None:
    if q.image is None:
        return None
    return case.media_by_id(q.image.media).calibration


def _branches_on(case: Case, qid: str) -> list[str]:
    lines = []
    for step in case.steps:
        for rule in step.next.rules:
            if any(c.question == qid for c in rule.when):
                dst = "the end" if rule.goto == END else rule.goto
                lines.append(f"after {step.id}: if {describe_rule(rule)} go to {dst}")
    return lines


def _key_text(q: Question) -> str:
    if q.type in (QuestionType.SINGLE_BEST_ANSWER, QuestionType.MULTIPLE_RESPONSE):
        names = {o.id: o.text for o in q.display_options}
        return "; ".join(f"{k}: {names.get(k, k)}" for k in q.key)
    if q.type is QuestionType.ORDERING:
        names = {o.id: o.text for o in q.options}
        return " → ".join(names.get(k, k) for k in q.key)
    if q.type is QuestionType.HOTSPOT:
        labels = {r.id: r.label or r.id for r in q.regions}
        return (
            ", ".join(labels[k] for k in q.key if k in labels)
            + f" ({q.markers} marker{'s' if q.markers != 1 else ''})"
        )
    c = q.caliper
    assert c is not None
    tol = f"± {c.tolerance:g}" + (
        " × value" if c.tolerance_kind.value == "relative" else f" {c.unit}"
    )
    return f"{c.value:g} {c.unit} {tol}, rounded to {c.decimals} decimal(s), axis {c.axis}"


def _scoring_text(q: Question) -> str:
    text = q.scoring.value.replace("_", " ")
    if q.partial_rule is not None:
        text += f" ({q.partial_rule.value.replace('_', ' ')})"
    return text


class PacketBuilder:
    """Assembles the packet's HTML and pictures into a QTextDocument."""

    def __init__(self, case: Case, grabber: FrameGrabber) -> None:
        self.case = case
        self.grabber = grabber
        self.doc = QTextDocument()
        self.doc.setDefaultStyleSheet(
            "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }"
            "h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 11pt; }"
            "td, th { padding: 3px; } th { text-align: left; background: #e8ecf0; }"
            ".muted { color: #4a5560; } .key { color: #1e6b34; font-weight: bold; }"
        )
        self._images = 0
        self.question_count = 0

    def add_image(self, image: QImage) -> str:
        self._images += 1
        name = f"packet://image/{self._images}"
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        return name

    def build(self) -> QTextDocument:
        parts = [self.cover(), self.script()]
        placed = placements(self.case)
        self.question_count = len(placed)
        for n, p in enumerate(placed, 1):
            parts.append(self.question_page(n, len(placed), p))
        self.doc.setHtml("<html><body>" + "".join(parts) + "</body></html>")
        return self.doc

    def cover(self) -> str:
        c = self.case
        m = c.meta
        s = c.settings
        rows = [
            ("Case id", m.id),
            ("Version", m.version),
            ("Clinical area", m.clinical_area.value.replace("_", " ")),
            ("Authors", ", ".join(m.authors)),
            ("Estimated time", f"{m.estimated_minutes:g} minutes"),
            ("Time limit", format_time(s.time_limit_s)),
            ("Pass mark", f"{s.pass_mark * 100:g} %"),
            ("Mode", s.mode.value),
            ("Navigation", s.navigation.value.replace("_", " ")),
            (
                "Clip replays",
                "unlimited" if s.clip_replay_limit is None else str(s.clip_replay_limit),
            ),
            ("Script file", c.source.name),
        ]
        out = [
            f"<h1>{_e(m.title)}</h1>",
            "<p class='muted'>Review packet for the case review committee</p>",
        ]
        if m.summary:
            out.append(f"<p>{_e(m.summary)}</p>")
        out.append("<table cellspacing='0' border='1' cellpadding='3'>")
        out += [f"<tr><th>{_e(a)}</th><td>{_e(b)}</td></tr>" for a, b in rows]
        out.append("</table><h2>Domains</h2><table cellspacing='0' border='1' cellpadding='3'>")
        out.append("<tr><th>Domain</th><th>Questions</th><th>Points</th></tr>")
        for d in m.domains:
            qs = [q for q in c.questions if q.domain == d.id]
            out.append(
                f"<tr><td>{_e(d.title)} ({_e(d.id)})</td><td>{len(qs)}</td>"
                f"<td>{sum(q.points for q in qs):g}</td></tr>"
            )
        out.append(
            f"<tr><th>Total</th><th>{len(c.questions)}</th><th>{c.max_points:g}</th></tr></table>"
        )
        out.append("<h2>Flow</h2><ol>")
        for pos, step in enumerate(c.steps):
            asked = [*step.questions, *(q for cp in step.checkpoints for q in cp.questions)]
            line = f"<b>{_e(step.id)}</b> ({step.type.value}) {_e(step.title)}"
            if asked:
                line += f"; asks {_e(', '.join(asked))}"
            nexts = [f"if {describe_rule(r)} → {r.goto}" for r in step.next.rules]
            default = step.next.default or (c.steps[pos + 1].id if pos + 1 < len(c.steps) else END)
            nexts.append(("otherwise → " if step.next.rules else "then → ") + default)
            line += "<br/><span class='muted'>" + _e("; ".join(nexts)) + "</span>"
            out.append(f"<li>{line}</li>")
        out.append("</ol>")
        return "".join(out)

    def script(self) -> str:
        out = ["<h2 style='page-break-before: always'>Script</h2>"]
        any_text = False
        for item in self.case.media:
            cues = []
            if item.captions is not None:
                try:
                    cues = list(load_captions(item.captions).cues)
                except CaptionError as exc:
                    cues = []
                    log.warning("captions of %s unreadable: %s", item.id, exc)
            if not item.transcript and not cues:
                continue
            any_text = True
            who = f", narrated by {_e(item.narrator)}" if item.narrator else ""
            out.append(
                f"<h3>{_e(item.title or item.id)}</h3><p class='muted'>{_e(item.id)} · "
                f"{item.kind.value.replace('_', ' ')} · {_e(item.file.name)}{who}</p>"
            )
            if item.transcript:
                out.append(f"<p><i>Transcript:</i> {_e(item.transcript)}</p>")
            if cues:
                out.append("<table cellspacing='0' cellpadding='2'>")
                for cue in cues:
                    out.append(
                        f"<tr><td class='muted'>{format_time(cue.start_s)}–{format_time(cue.end_s)}</td>"
                        f"<td>{_e(cue.display_text)}</td></tr>"
                    )
                out.append("</table>")
        if not any_text:
            out.append("<p>This case has no spoken media.</p>")
        return "".join(out)

    def picture(
        self, item: MediaItem, frame: int | None, caption: str, q: Question | None, width: int
    ) -> str:
        image = self.grabber.image(item, frame)
        if image is None:
            return f"<p class='muted'>[{_e(caption)}: no picture could be decoded]</p>"
        if q is not None and q.type in (QuestionType.HOTSPOT, QuestionType.CALIPER):
            image = image_with_key(image, q, _calibration_of(self.case, q), frame)
        name = self.add_image(image)
        h = round(width * image.height() / max(1, image.width()))
        return (
            f"<p><img src='{name}' width='{width}' height='{h}'/><br/>"
            f"<span class='muted'>{_e(caption)}</span></p>"
        )

    def question_page(self, n: int, total: int, p: Placement) -> str:
        q = p.question
        domain = next((d.title for d in self.case.meta.domains if d.id == q.domain), q.domain)
        out = [
            f"<h2 style='page-break-before: always'>Question {n} of {total}: {_e(q.id)}</h2>",
            f"<p class='muted'>{_e(TYPE_NAMES.get(q.type.value, q.type.value))} · {q.points:g} point(s) · "
            f"domain: {_e(domain)} · scoring: {_e(_scoring_text(q))}"
            + (f" · time limit {format_time(q.time_limit_s)}" if q.time_limit_s else "")
            + f"<br/>Asked at: {_e(p.where)}</p>",
        ]
        keyed = q.type in (QuestionType.HOTSPOT, QuestionType.CALIPER)
        width = PICTURE_WIDTH if len(p.pictures) <= 1 else THUMB_WIDTH
        pics = [
            self.picture(item, frame, cap, q if keyed else None, width)
            for item, frame, cap in p.pictures
        ]
        if len(pics) > 1:
            cells = "".join(
                f"<td>{x}</td>" + ("</tr><tr>" if i % 2 == 1 else "") for i, x in enumerate(pics)
            )
            out.append(f"<table><tr>{cells}</tr></table>")
        else:
            out.extend(pics)
        out.append(f"<p><b>{_e(q.stem)}</b></p>")
        out.extend(_options_html(q))
        out.append(f"<p><span class='key'>Key:</span> {_e(_key_text(q))}</p>")
        out.append(f"<p><i>Rationale:</i> {_e(q.rationale)}</p>")
        branches = _branches_on(self.case, q.id)
        if branches:
            out.append(
                "<p class='muted'>Branches on this answer: " + _e("; ".join(branches)) + "</p>"
            )
        return "".join(out)


def _options_html(q: Question) -> list[str]:
    """A choice or ordering question's options: the key marked, what each sets, constraints."""
    out: list[str] = []
    if q.display_options:
        key = set(q.key)
        tag = "ol" if q.type is QuestionType.ORDERING else "ul"
        out.append(f"<{tag}>")
        for o in q.display_options:
            mark = ""
            if q.type is not QuestionType.ORDERING and o.id in key:
                mark = " <span class='key'>✓ key</span>"
            state = ""
            if o.sets_state:
                state = (
                    " <span class='muted'>(sets "
                    + _e(", ".join(f"{k}={v}" for k, v in o.sets_state))
                    + ")</span>"
                )
            note = (
                " <span class='muted'>(offered automatically)</span>"
                if o.id == NOT_POSSIBLE
                else ""
            )
            out.append(f"<li>{_e(o.id)}: {_e(o.text)}{mark}{state}{note}</li>")
        out.append(f"</{tag}>")
        if q.type is QuestionType.ORDERING and q.constraints:
            out.append(
                "<p class='muted'>Partial credit constraints: "
                + _e(", ".join(f"{a} before {b}" for a, b in q.constraints))
                + "</p>"
            )
    return out


@dataclass(frozen=True, slots=True)
class PacketResult:
    path: Path
    questions: int
    pages: int


def export_packet(case: Case, out: Path, grabber: FrameGrabber | None = None) -> PacketResult:
    """Write the packet PDF; PacketError when the file cannot be written."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise PacketError(f"{out} is a directory; give a file name ending in .pdf")
    if not out.parent.is_dir():
        raise PacketError(f"folder {out.parent} does not exist")
    own = grabber is None
    grab = grabber or FrameGrabber()
    try:
        builder = PacketBuilder(case, grab)
        doc = builder.build()
        tmp = out.with_name(out.name + ".part")
        writer = QPdfWriter(str(tmp))
        writer.setTitle(f"Review packet: {case.meta.title}")
        writer.setCreator("pocus-player")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(PDF_DPI)
        # Lay the text out on the writer's printable area, in its device pixels.
        rect = writer.pageLayout().paintRectPixels(PDF_DPI)
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        pages = doc.pageCount()
        doc.print_(writer)
        del writer  # closes the PDF file
        try:
            tmp.replace(out)
        except OSError as exc:
            raise PacketError(f"cannot write {out}: {exc.strerror or exc}") from None
        return PacketResult(out, builder.question_count, pages)
    finally:
        if own:
            grab.close()
