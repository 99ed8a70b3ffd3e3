"""The candidate window's end screen: the case is over, its receipt code, what comes next.

In practice mode the score is shown too; in a certificate, the receipt codes of
every case so far and a button to the next case.

Signals:
    nextCaseRequested()   the candidate goes on to the next case of the exam
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from pocus_player.ui import theme
from pocus_player.ui.accessibility import PrefixedLabel
from pocus_player.ui.candidate_widgets import escape_html, focus_button, plain_label

if TYPE_CHECKING:
    from pocus_player.ui.exam_controller import ExamController

CARD_WIDTH = 900

_OUTCOME_TEXT = {
    "time_expired": str(
        QT_TRANSLATE_NOOP("EndScreen", "The time ran out; the answers given were recorded.")
    ),
    "ended_by_proctor": str(
        QT_TRANSLATE_NOOP(
            "EndScreen", "The proctor ended the case; the answers given were recorded."
        )
    ),
    "aborted": str(
        QT_TRANSLATE_NOOP(
            "EndScreen",
            "The case was stopped because of a technical problem; the answers given were recorded.",
        )
    ),
}


class EndScreen(QFrame):
    """See the module docstring; `page` is the card inside a centred card page."""

    nextCaseRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Card")
        v = QVBoxLayout(self)
        self.title = plain_label("", "Title")
        self.text = plain_label("")
        self.receipt_label = PrefixedLabel(self.tr("Receipt code"))  # heard with the code
        self.receipt_label.setObjectName("Receipt")
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.receipt_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.next_case_button = focus_button(
            self.tr("Go on to the &next case"),
            self.tr("Next case"),
            self.tr("Start the instructions of the next case"),
            "primary",
        )
        self.next_case_button.clicked.connect(self.nextCaseRequested)
        for w in (self.title, self.text, self.receipt_label, self.details):
            v.addWidget(w)
        v.addWidget(self.next_case_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.page = theme.card_page(self, CARD_WIDTH)

    def show_case_finished(self, c: ExamController, receipt: str) -> None:
        """A case ended with `receipt`: what to tell the candidate, and where the focus goes."""
        more = c.progress.next_index < c.case_count
        totals = c.totals
        ended_early = totals is not None and totals.outcome not in ("completed",)
        title = (
            self.tr("Case complete")
            if more
            else (self.tr("Exam complete") if not c.practice else self.tr("Practice complete"))
        )
        self.title.setText(title)
        lines = [
            self.tr(
                "Your answers are saved and encrypted. Please note your receipt code and give it "
                "to your proctor."
            )
        ]
        if ended_early and totals is not None:
            outcome = _OUTCOME_TEXT.get(totals.outcome)
            ended = QCoreApplication.translate("EndScreen", outcome) if outcome else None
            lines.append(ended or self.tr("The case has ended."))
        if more:
            left = c.case_count - c.progress.next_index
            lines.append(self.tr("%n case(s) remain in this exam.", "", left))
        self.text.setText(" ".join(lines))
        self.receipt_label.setText(receipt)
        details = self._details(c)
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.next_case_button.setVisible(more)
        focus = self.next_case_button if more else self.receipt_label
        QTimer.singleShot(0, lambda: focus.setFocus(Qt.FocusReason.OtherFocusReason))

    def _details(self, c: ExamController) -> str:
        """Every receipt code of a certificate, and the score in practice mode (rich text)."""
        details = ""
        if len(c.progress.receipts) > 1:
            details += (
                "<p>"
                + self.tr("Receipt codes of this exam:")
                + "<br>"
                + "<br>".join(
                    f"{escape_html(cid)}: <b>{escape_html(r)}</b>" for cid, r in c.progress.receipts
                )
                + "</p>"
            )
        totals = c.totals
        if c.practice and totals is not None:
            locale = QLocale()
            score = self.tr(
                "Score: <b>{points} of {max_points}</b> points ({percent}); "
                "pass mark {pass_mark}: {verdict}."
            ).format(
                points=locale.toString(float(totals.points), "g", 6),
                max_points=locale.toString(float(totals.max_points), "g", 6),
                percent=_percent(totals.fraction),
                pass_mark=_percent(totals.pass_mark),
                verdict=self.tr("passed") if totals.passed else self.tr("not passed"),
            )
            details += f"<p>{score}</p>"
        return details


def _percent(fraction: float) -> str:
    """75 % as the locale writes a percentage ("75%" in English, "75 %" in Spanish)."""
    value = QLocale().toString(round(fraction * 100))
    return QCoreApplication.translate("EndScreen", "{value}%").format(value=value)
