"""The preview's map of a case: an outline tree, a branch graph and what has been covered.

`CaseOutline`
    Steps, their checkpoints (with times and frames), questions and branch
    rules as a tree. Activating an item (double-click, Enter) emits
    ``targetActivated(OutlineTarget)``.
`BranchGraph`
    The step graph drawn with QPainter: steps in rows by their distance
    from the first step, an arrow per branch rule, default and fall-through;
    visited steps filled, taken branches drawn bold, the current step ringed.
    Clicking a step emits ``stepClicked(str)``.
`CoverageView`
    Counts and lists of visited and unvisited steps, branches and questions.

The logic under them (`graph_edges`, `graph_layers`, `Coverage`,
`OutlineTarget`) is plain Python in core/case_map.py, tested without widgets.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.case_map import (
    Coverage,
    GraphEdge,
    OutlineTarget,
    graph_edges,
    graph_layers,
)
from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.model import END, Case, Checkpoint, Step, StepType
from pocus_player.core.timecode import format_time

log = logging.getLogger(__name__)

# The question types in words; marked for translation, shown translated by the outline (the
# review packet, a document for the case's reviewers, keeps them in English).
TYPE_NAMES = {
    "single_best_answer": str(QT_TRANSLATE_NOOP("CaseOutline", "single best answer")),
    "multiple_response": str(QT_TRANSLATE_NOOP("CaseOutline", "multiple response")),
    "ordering": str(QT_TRANSLATE_NOOP("CaseOutline", "ordering")),
    "hotspot": str(QT_TRANSLATE_NOOP("CaseOutline", "hotspot")),
    "caliper": str(QT_TRANSLATE_NOOP("CaseOutline", "caliper")),
}
STEP_TYPE_NAMES = {
    StepType.SEGMENT: str(QT_TRANSLATE_NOOP("CaseOutline", "segment")),
    StepType.REVIEW: str(QT_TRANSLATE_NOOP("CaseOutline", "review")),
    StepType.QUESTIONS: str(QT_TRANSLATE_NOOP("CaseOutline", "questions")),
}


def checkpoint_when(cp: Checkpoint, timeline: FrameTimeline | None) -> str:
    """Where a checkpoint stops, as `core.case_map.checkpoint_label` says it, in the interface's
    language: "frame 150 (00:05.000)" or "00:04.000 (frame 100)"; times as case scripts
    write them."""
    frame = QCoreApplication.translate("CaseOutline", "frame {frame}")
    if cp.frame is not None:
        when = frame.format(frame=cp.frame)
        if timeline is not None:
            when += f" ({format_time(cp.target_time(timeline))})"
    else:
        assert cp.time_s is not None
        when = format_time(cp.time_s)
        if timeline is not None:
            when += f" ({frame.format(frame=cp.target_frame(timeline))})"
    return when


# The label the core gives a step's default way on ("otherwise"); a rule's label is the author's.
OTHERWISE = str(QT_TRANSLATE_NOOP("CaseOutline", "otherwise"))


def edge_label(edge: GraphEdge) -> str:
    """An edge's label as shown: the author's for a rule, the interface's word for the default."""
    if edge.kind != "rule" and edge.label == OTHERWISE:
        return QCoreApplication.translate("CaseOutline", OTHERWISE)
    return edge.label


COVERAGE_NAMES = {
    "steps": str(QT_TRANSLATE_NOOP("CoverageView", "Steps: {done} of {total}")),
    "checkpoints": str(QT_TRANSLATE_NOOP("CoverageView", "Checkpoints: {done} of {total}")),
    "questions": str(QT_TRANSLATE_NOOP("CoverageView", "Questions: {done} of {total}")),
    "branches": str(QT_TRANSLATE_NOOP("CoverageView", "Branches: {done} of {total}")),
}


_TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
_COVER_ROLE = Qt.ItemDataRole.UserRole + 2


class CaseOutline(QTreeWidget):
    """The case as a tree; one column of text and one of coverage ticks.

    Signals:
        targetActivated(OutlineTarget): an item was activated (double-click or Enter).
    """

    targetActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseOutline")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Case outline"), self.tr("Seen")])
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(self.tr("Case outline"))
        self.setAccessibleDescription(
            self.tr(
                "Steps, checkpoints, questions and branches of the case; press Enter to go there"
            )
        )
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._on_activated)
        self._case: Case | None = None

    def set_case(self, case: Case) -> None:
        expanded = {self._key(item) for item in self._top_items() if item.isExpanded()}
        first = self._case is None
        self._case = case
        self.clear()
        for step in case.steps:
            item = self._step_item(case, step)
            self.addTopLevelItem(item)
            item.setExpanded(first or self._key(item) in expanded)

    @staticmethod
    def _key(item: QTreeWidgetItem) -> object:
        return item.data(0, _TARGET_ROLE)

    def _add(
        self,
        parent: QTreeWidgetItem | None,
        text: str,
        target: OutlineTarget,
        cover: tuple[str, str],
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, ""])
        item.setData(0, _TARGET_ROLE, target)
        item.setData(0, _COVER_ROLE, cover)
        item.setToolTip(0, text)
        if parent is not None:
            parent.addChild(item)
        return item

    def _question_items(
        self, case: Case, parent: QTreeWidgetItem, target: OutlineTarget, qids: tuple[str, ...]
    ) -> None:
        for qid in qids:
            q = case.question_by_id(qid)
            stem = " ".join(q.stem.split())
            short = stem if len(stem) <= 70 else stem[:67] + "..."
            kind = QCoreApplication.translate(
                "CaseOutline", TYPE_NAMES.get(q.type.value, q.type.value)
            )
            points = QLocale().toString(float(q.points), "g", 6)
            text = self.tr("{question} · {kind} · {points} pt · {stem}").format(
                question=qid, kind=kind, points=points, stem=short
            )
            qt = OutlineTarget(target.step_id, target.checkpoint_id, qid)
            item = self._add(parent, text, qt, ("question", qid))
            item.setToolTip(0, f"{text}\n{short}")

    def _step_item(self, case: Case, step: Step) -> QTreeWidgetItem:
        kind = QCoreApplication.translate("CaseOutline", STEP_TYPE_NAMES[step.type])
        what = self.tr(" · plays {media}").format(media=step.media) if step.media else ""
        if step.clips:
            what = self.tr(" · clips {media}").format(media=", ".join(step.clips))
        if step.image:
            what += self.tr(" · image {media}").format(media=step.image)
        target = OutlineTarget(step.id)
        item = self._add(None, f"{step.id} · {kind}", target, ("step", step.id))
        item.setToolTip(0, f"{step.id} ({kind}): {step.title}{what}")
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        timeline = None
        if step.media is not None and case.media_by_id(step.media).frame_rate:
            timeline = case.media_by_id(step.media).timeline
        for cp in step.checkpoints:
            ct = OutlineTarget(step.id, cp.id)
            title = f" {cp.title}" if cp.title else ""
            when = checkpoint_when(cp, timeline)
            cpi = self._add(
                item,
                self.tr("{checkpoint} at {time}").format(checkpoint=cp.id, time=when),
                ct,
                ("checkpoint", cp.id),
            )
            cpi.setToolTip(
                0,
                self.tr("checkpoint {checkpoint} at {time}").format(checkpoint=cp.id, time=when)
                + title,
            )
            self._question_items(case, cpi, ct, cp.questions)
            cpi.setExpanded(True)
        self._question_items(case, item, target, step.questions)
        for edge in graph_edges(case):
            if edge.src != step.id or (edge.kind == "following" and not step.next.rules):
                continue
            dst = self.tr("the end") if edge.dst == END else edge.dst
            label = f"→ {dst}: {edge_label(edge)}" if edge.label else f"→ {dst}"
            bt = OutlineTarget(edge.dst) if edge.dst != END else target
            self._add(item, label, bt, ("edge", f"{edge.src}>{edge.dst}"))
        return item

    def items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = self._top_items()
        while stack:
            item = stack.pop(0)
            out.append(item)
            children = (item.child(i) for i in range(item.childCount()))
            stack[0:0] = [c for c in children if c is not None]
        return out

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def item_for(self, target: OutlineTarget) -> QTreeWidgetItem | None:
        for item in self.items():
            if item.data(0, _TARGET_ROLE) == target and item.data(0, _COVER_ROLE)[0] != "edge":
                return item
        return None

    def select_target(self, target: OutlineTarget) -> None:
        item = self.item_for(target)
        if item is not None:
            self.setCurrentItem(item)
            self.scrollToItem(item)

    def set_coverage(self, coverage: Coverage) -> None:
        for item in self.items():
            kind, ident = item.data(0, _COVER_ROLE)
            if kind == "step":
                seen = ident in coverage.steps
            elif kind == "checkpoint":
                seen = ident in coverage.checkpoints
            elif kind == "question":
                seen = ident in coverage.questions
            else:
                src, dst = ident.split(">", 1)
                seen = (src, dst) in coverage.edges
            item.setText(1, "✓" if seen else "")
            item.setData(
                1,
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("seen") if seen else self.tr("not seen"),
            )

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, _TARGET_ROLE)
        if isinstance(target, OutlineTarget):
            self.targetActivated.emit(target)


# -- the branch graph ------------------------------------------------------------------------


class BranchGraph(QWidget):
    """The step graph, painted top to bottom; click a step to go there.

    Steps sit in rows by their longest distance from the first step, so every
    branch points down the page; a branch back up the list (which validation
    forbids) would be drawn around the right-hand side.

    Signals:
        stepClicked(str): the id of the step clicked.
    """

    stepClicked = Signal(str)

    NODE_W = 122
    NODE_H = 38
    COL_GAP = 16
    ROW_GAP = 40
    MARGIN = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchGraph")
        self.setAccessibleName(self.tr("Branch graph"))
        self.setAccessibleDescription(
            self.tr("The steps of the case and the branches between them")
        )
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._case: Case | None = None
        self._coverage = Coverage()
        self._current: str | None = None
        self._next: str | None = None
        self._rects: dict[str, QRectF] = {}
        self._edges: list[GraphEdge] = []

    def set_case(self, case: Case) -> None:
        self._case = case
        self._edges = graph_edges(case)
        self._layout()
        self.updateGeometry()
        self.update()

    def set_coverage(self, coverage: Coverage) -> None:
        self._coverage = coverage
        self.update()

    def set_current(self, step_id: str | None, next_step: str | None = None) -> None:
        """Ring the current step; `next_step` marks where the answers so far would branch."""
        self._current = step_id
        self._next = next_step
        self.update()

    @property
    def current(self) -> str | None:
        return self._current

    @property
    def next_step(self) -> str | None:
        return self._next

    def node_rect(self, step_id: str) -> QRectF | None:
        return self._rects.get(step_id)

    def _layout(self) -> None:
        self._rects = {}
        if self._case is None:
            return
        layers = graph_layers(self._case)
        rows: dict[int, list[str]] = {}
        for sid in [s.id for s in self._case.steps] + [END]:
            rows.setdefault(layers[sid], []).append(sid)
        widest = max(len(r) for r in rows.values())
        full_w = widest * self.NODE_W + (widest - 1) * self.COL_GAP
        for row, ids in rows.items():
            row_w = len(ids) * self.NODE_W + (len(ids) - 1) * self.COL_GAP
            left = self.MARGIN + (full_w - row_w) / 2
            for col, sid in enumerate(ids):
                x = left + col * (self.NODE_W + self.COL_GAP)
                y = self.MARGIN + row * (self.NODE_H + self.ROW_GAP)
                if sid == END:
                    self._rects[sid] = QRectF(x + (self.NODE_W - 70) / 2, y, 70, self.NODE_H - 8)
                else:
                    self._rects[sid] = QRectF(x, y, self.NODE_W, self.NODE_H)

    def sizeHint(self) -> QSize:
        if not self._rects:
            return QSize(300, 200)
        right = max(r.right() for r in self._rects.values())
        bottom = max(r.bottom() for r in self._rects.values())
        return QSize(int(right + self.MARGIN), int(bottom + self.MARGIN))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _step_at(self, pos: QPointF) -> str | None:
        for sid, rect in self._rects.items():
            if rect.contains(pos) and sid != END:
                return sid
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        sid = self._step_at(event.position())
        if sid is not None and event.button() == Qt.MouseButton.LeftButton:
            self.stepClicked.emit(sid)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        sid = self._step_at(event.position())
        if sid is not None and self._case is not None:
            step = self._case.step_by_id(sid)
            outs = [e for e in self._edges if e.src == sid]
            end = self.tr("end")
            lines = [f"{sid}: {step.title}"] + [
                f"→ {end if e.dst == END else e.dst}" + (f" ({edge_label(e)})" if e.label else "")
                for e in outs
            ]

            QToolTip.showText(event.globalPosition().toPoint(), "\n".join(lines), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._case is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        muted = QColor(pal.color(QPalette.ColorRole.WindowText))
        muted.setAlphaF(0.45)
        colours = _Colours(
            text=pal.color(QPalette.ColorRole.WindowText),
            base=pal.color(QPalette.ColorRole.Base),
            accent=pal.color(QPalette.ColorRole.Highlight),
            muted=muted,
        )
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        # Edges first so nodes sit on top of them.
        for edge in self._edges:
            self._paint_edge(painter, edge, colours, small)
        painter.setFont(font)
        for sid, rect in self._rects.items():
            self._paint_node(painter, sid, rect, colours, font, small)
        painter.end()

    def _paint_edge(self, painter: QPainter, e: GraphEdge, c: _Colours, small: QFont) -> None:
        """A branch as a curve with an arrowhead; taken ones bold, defaults dashed, rules labelled."""
        a, b = self._rects.get(e.src), self._rects.get(e.dst)
        if a is None or b is None:
            return
        taken = (e.src, e.dst) in self._coverage.edges
        pen = QPen(c.accent if taken else c.muted, 2.6 if taken else 1.3)
        if e.kind != "rule":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        path = QPainterPath()
        if b.top() > a.top():
            p1 = QPointF(a.center().x(), a.bottom())
            p2 = QPointF(b.center().x(), b.top())
            dy = max(16.0, (p2.y() - p1.y()) / 2)
            path.moveTo(p1)
            path.cubicTo(QPointF(p1.x(), p1.y() + dy), QPointF(p2.x(), p2.y() - dy), p2)
            angle = math.pi / 2
        else:  # a branch back up the page: around the right-hand side
            p1 = QPointF(a.right(), a.center().y())
            p2 = QPointF(b.right(), b.center().y())
            side = max(a.right(), b.right()) + 30
            path.moveTo(p1)
            path.cubicTo(QPointF(side, p1.y()), QPointF(side, p2.y()), p2)
            angle = math.pi
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(QBrush(pen.color()))
        painter.setPen(QPen(pen.color(), 1))
        head = QPolygonF(
            [
                p2,
                p2 - QPointF(9 * math.cos(angle - 0.4), 9 * math.sin(angle - 0.4)),
                p2 - QPointF(9 * math.cos(angle + 0.4), 9 * math.sin(angle + 0.4)),
            ]
        )
        painter.drawPolygon(head)
        if e.kind == "rule" and e.label:
            fm = QFontMetricsF(small)
            painter.setFont(small)
            painter.setPen(c.text)
            mid = path.pointAtPercent(0.5)
            label = fm.elidedText(e.label, Qt.TextElideMode.ElideRight, self.NODE_W)
            w = fm.horizontalAdvance(label) + 6
            x = min(max(2.0, mid.x() - w / 2), self.width() - w - 2)
            box = QRectF(x, mid.y() - fm.height() / 2, w, fm.height())
            painter.fillRect(box, c.base)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_node(
        self, painter: QPainter, sid: str, rect: QRectF, c: _Colours, font: QFont, small: QFont
    ) -> None:
        """A step: filled when visited, ringed when current, dashed when it is where answers lead."""
        assert self._case is not None
        visited = sid in self._coverage.steps
        fill = QColor(c.accent) if visited else QColor(c.base)
        if visited:
            fill.setAlphaF(0.25)
        current = sid == self._current
        border = QPen(c.accent if current else c.text, 3.0 if current else 1.2)
        if sid == self._next and not current:
            border = QPen(c.accent, 2.5, Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(c.text)
        if sid == END:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("end"))
            return
        step = self._case.step_by_id(sid)
        title = QFontMetricsF(font).elidedText(sid, Qt.TextElideMode.ElideRight, rect.width() - 12)
        painter.drawText(
            rect.adjusted(6, 2, -6, -rect.height() / 2), Qt.AlignmentFlag.AlignCenter, title
        )
        painter.setFont(small)
        sub = QCoreApplication.translate("CaseOutline", STEP_TYPE_NAMES[step.type]) + (
            " ✓" if visited else ""
        )
        painter.drawText(
            rect.adjusted(6, rect.height() / 2, -6, -2), Qt.AlignmentFlag.AlignCenter, sub
        )
        painter.setFont(font)


@dataclass(frozen=True, slots=True)
class _Colours:
    """The palette's colours the branch graph draws with."""

    text: QColor
    base: QColor
    accent: QColor
    muted: QColor


# -- coverage ---------------------------------------------------------------------------------


class CoverageView(QWidget):
    """What this preview has visited, and what it has not yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageView")
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("coverageSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel(self.tr("Not visited yet:")))
        self.missing = QListWidget()
        self.missing.setAccessibleName(self.tr("Not visited yet"))
        layout.addWidget(self.missing, 1)

    def update_from(self, case: Case, coverage: Coverage) -> None:
        s = coverage.summary(case)
        lines = [
            QCoreApplication.translate("CoverageView", COVERAGE_NAMES[name]).format(
                done=done, total=total
            )
            if name in COVERAGE_NAMES
            else f"{name.capitalize()}: {done} / {total}"
            for name, (done, total) in s.items()
        ]
        self.summary_label.setText("\n".join(lines))
        self.missing.clear()
        for step in case.steps:
            if step.id not in coverage.steps:
                self.missing.addItem(QListWidgetItem(self.tr("step {step}").format(step=step.id)))
        for e in graph_edges(case):
            if (e.src, e.dst) not in coverage.edges:
                dst = self.tr("the end") if e.dst == END else e.dst
                label = f" ({edge_label(e)})" if e.label else ""
                branch = self.tr("branch {source} → {target}").format(source=e.src, target=dst)
                self.missing.addItem(QListWidgetItem(branch + label))
        for q in case.questions:
            if q.id not in coverage.questions:
                self.missing.addItem(
                    QListWidgetItem(self.tr("question {question}").format(question=q.id))
                )

    def summary_text(self) -> str:
        return self.summary_label.text()
