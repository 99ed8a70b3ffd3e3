"""The preview window's columns, which fold to two on a narrow screen.

Wide (1280 px at 100 % text and more): the candidate's view, the questions and
the case (outline and problems) side by side. Narrower than that, or with
larger text, three columns leave a question too little room to show its stem
beside its image, so the case folds under the candidate's view: two columns,
each scrolling in one place only, and the window fits 1024x768 at 200 % text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStatusBar, QTabWidget, QWidget

from pocus_player.ui import theme
from pocus_player.ui.preview_panels import ProblemsPanel

# Below this width at 100 % text the case folds under the candidate's view; the width
# grows with the text (half as fast), so 1280 px at 200 % text is folded too.
FOLD_BELOW_PX = 1200


def fold_width(scale: float) -> int:
    """The window width under which the three columns become two, at `scale` text."""
    return round(FOLD_BELOW_PX * (1 + 0.5 * (theme.clamp_scale(scale) - 1)))


def shown_while_it_has_a_message(status: QStatusBar) -> None:
    """Hide `status` while it has no message: at 200 % text its empty line is room the
    question needs."""
    status.messageChanged.connect(lambda text: status.setVisible(bool(text)))
    status.setVisible(bool(status.currentMessage()))


def first_share(scale: float) -> float:
    """The share of the width the candidate's view takes when folded: 45 % at 100 % text,
    down to 30 % at 200 %, where the larger question needs the room more than the media."""
    return 0.45 - 0.15 * (theme.clamp_scale(scale) - 1)


class PreviewColumns(QSplitter):
    """The candidate's view, the questions and the case: three columns, or two when folded.

    `stage` and `questions` stay where they are. Unfolded, the case's tabs sit above
    the problems in a third column; folded, the case's tabs sit under the candidate's
    view and the problems become one more of its tabs (shown when a reload fails).
    """

    def __init__(
        self,
        stage: QWidget,
        questions: QWidget,
        case_tabs: QTabWidget,
        problems: ProblemsPanel,
        *,
        scale: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("previewColumns")
        self.setChildrenCollapsible(False)
        self._stage, self._questions = stage, questions
        self._case_tabs, self._problems = case_tabs, problems
        self._first = QSplitter(Qt.Orientation.Vertical)
        self._first.setChildrenCollapsible(False)
        self._first.addWidget(stage)
        self._side = QSplitter(Qt.Orientation.Vertical)
        self._side.setChildrenCollapsible(False)
        self._side.addWidget(case_tabs)
        self._side.addWidget(problems)
        self._side.setStretchFactor(0, 3)
        self._side.setStretchFactor(1, 2)
        self.addWidget(self._first)
        self.addWidget(questions)
        self.addWidget(self._side)
        self._folded = False
        self.scale = scale
        self._spread()

    def is_folded(self) -> bool:
        return self._folded

    def set_folded(self, folded: bool) -> None:
        """Two columns (the case under the candidate's view) or three."""
        if folded == self._folded:
            return
        self._folded = folded
        title = QCoreApplication.translate("ProblemsPanel", "Problems")
        if folded:
            self._problems.title.hide()
            self._case_tabs.addTab(self._problems, title)
            self._first.addWidget(self._case_tabs)
            self._first.setStretchFactor(0, 3)
            self._first.setStretchFactor(1, 2)
            height = max(self._first.height(), 400)
            stage = max(height * 3 // 5, self._stage.minimumSizeHint().height())
            self._first.setSizes([stage, height - stage])
            self._side.hide()
            width = max(self.width(), 600)
            first = round(width * first_share(self.scale))
            self.setSizes([first, width - first, 0])
        else:
            self._case_tabs.removeTab(self._case_tabs.indexOf(self._problems))
            self._problems.title.show()
            self._side.insertWidget(0, self._case_tabs)
            self._side.addWidget(self._problems)
            self._problems.show()
            self._side.show()
            self._spread()

    def show_problems(self) -> None:
        """Bring the problems into view (folded, they are a tab)."""
        if self._folded:
            self._case_tabs.setCurrentWidget(self._problems)

    def _spread(self) -> None:
        """Three columns, shared as they have always been (440 : 460 : 380 at 1280 px)."""
        width = max(self.width(), 1280)
        self.setSizes([width * 440 // 1280, width * 460 // 1280, width * 380 // 1280])
        for index, stretch in enumerate((4, 4, 3)):
            self.setStretchFactor(index, stretch)

    def minimumSizeHint(self) -> QSize:
        """The folded columns' minimum even while unfolded: a window is never held wider
        than the screen by three columns it would fold if it were narrower."""
        if self._folded:
            return super().minimumSizeHint()
        first: list[QWidget] = [self._stage, self._case_tabs, self._problems]
        questions = self._questions.minimumSizeHint()
        width = max(w.minimumSizeHint().width() for w in first) + questions.width()
        height = sum(w.minimumSizeHint().height() for w in first[:2])
        return QSize(width + self.handleWidth(), max(height, questions.height()))

    def _fit(self, width: int) -> None:
        self.set_folded(width < fold_width(self.scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)
