"""The start screen's set-up page: the exam, the candidate, the accommodations, practice mode.

The page holds the form and reads it back (`selected_exam`, `problem`); the
start window turns it into an `ExamProgress` and runs the preflight.

Signals:
    settingsChanged()   larger text or high contrast was switched (the theme follows)
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pocus_player.core.settings_store import TIME_MULTIPLIERS, ExamDef
from pocus_player.ui import theme
from pocus_player.ui.forms import button, message_label

CANDIDATE_ID_RE = r"[A-Za-z0-9][A-Za-z0-9.-]{0,39}"
CARD_WIDTH = 820


class SetupPage(QFrame):
    """The set-up form (see the module docstring); `page` is it inside a centred card page."""

    settingsChanged = Signal()

    def __init__(
        self,
        exams: list[ExamDef],
        *,
        practice: bool,
        preselect: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.exams = exams
        self._init_exam_fields(preselect)
        self._init_candidate_fields()
        self._init_accommodations(practice)
        self._layout()
        self.exam_combo.currentIndexChanged.connect(self.update_exam_cases)
        self.candidate_id.returnPressed.connect(self.candidate_name.setFocus)
        self.large_text.toggled.connect(self.settingsChanged)
        self.high_contrast.toggled.connect(self.settingsChanged)
        self.page = theme.card_page(self, CARD_WIDTH)
        self.update_exam_cases()

    def _init_exam_fields(self, preselect: str | None) -> None:
        self.exam_combo = QComboBox()
        # Long exam titles are cut in the closed box (the list shows them whole), so the
        # box never widens the page past the display.
        self.exam_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exam_combo.setMinimumContentsLength(16)
        for e in self.exams:
            self.exam_combo.addItem(e.title, e.id)
        self.exam_combo.setAccessibleName("Exam")
        self.exam_combo.setAccessibleDescription("One case, or a certificate made of several cases")
        if preselect:
            for i, e in enumerate(self.exams):
                if preselect in (e.id, *(str(p) for p in e.cases), *(p.stem for p in e.cases)):
                    self.exam_combo.setCurrentIndex(i)
                    break
        self.exam_cases = QLabel()
        self.exam_cases.setWordWrap(True)
        theme.set_role(self.exam_cases, "muted")
        self.open_package_button = button(
            "Open an exam pac&kage…",
            "Open exam package",
            "Choose a sealed .pocusexam file given by the certifying body",
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Package passphrase")
        self.passphrase.setAccessibleDescription(
            "The passphrase that unlocks the sealed exam package for this sitting"
        )

    def _init_candidate_fields(self) -> None:
        self.candidate_id = QLineEdit()
        self.candidate_id.setValidator(QRegularExpressionValidator(CANDIDATE_ID_RE))
        self.candidate_id.setAccessibleName("Candidate ID")
        self.candidate_id.setAccessibleDescription(
            "The candidate's ID: letters, digits, dots and hyphens, up to 40"
        )
        self.candidate_name = QLineEdit()
        self.candidate_name.setAccessibleName("Candidate name")
        self.candidate_name.setAccessibleDescription("The candidate's full name, as on their ID")

    def _init_accommodations(self, practice: bool) -> None:
        self.multiplier = QComboBox()
        for m in TIME_MULTIPLIERS:
            self.multiplier.addItem(f"{m:g} × time" + (" (standard)" if m == 1.0 else ""), m)
        self.multiplier.setAccessibleName("Time multiplier")
        self.multiplier.setAccessibleDescription("Extra time accommodation for this candidate")
        self.captions_always = QCheckBox("Captions always on")
        self.captions_always.setAccessibleDescription("The candidate cannot switch captions off")
        self.large_text = QCheckBox("Larger text (200 %)")
        self.large_text.setAccessibleDescription(
            "Show questions, captions and the script at twice the size"
        )
        self.high_contrast = QCheckBox("High-contrast colours")
        self.high_contrast.setAccessibleDescription("White on black with strong focus outlines")
        # A check box does not wrap: a short label keeps the page inside 1024 px at 200 %.
        self.practice = QCheckBox("Practice mode")
        self.practice.setAccessibleDescription(
            "Feedback after each answer, in a window: scores, keys and explanations are "
            "shown to the candidate"
        )
        self.practice.setToolTip(self.practice.accessibleDescription())
        self.practice.setChecked(practice)

    def _layout(self) -> None:
        title = QLabel("Set up the exam")
        title.setObjectName("Title")
        self.form = form = QFormLayout()
        for text, w in (
            ("&Exam:", self.exam_combo),
            ("", self.exam_cases),
            ("", self.open_package_button),
            ("Package pa&ssphrase:", self.passphrase),
            ("Candidate &ID:", self.candidate_id),
            ("Candidate &name:", self.candidate_name),
            ("&Time:", self.multiplier),
        ):
            label = QLabel(text)
            label.setBuddy(w)
            form.addRow(label, w)
        acc = QVBoxLayout()
        for box in (self.captions_always, self.large_text, self.high_contrast, self.practice):
            acc.addWidget(box)
        form.addRow(QLabel("Accommodations:"), acc)
        self.message = message_label()
        self.preflight_button = button(
            "Run the &preflight checks",
            "Run preflight",
            "Check the cases, media, sound, results folder and board key",
            "primary",
        )
        v = QVBoxLayout(self)
        v.addWidget(title)
        v.addLayout(form)
        v.addWidget(self.message)
        v.addWidget(self.preflight_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- reading and updating the form

    def selected_exam(self) -> ExamDef | None:
        i = self.exam_combo.currentIndex()
        return self.exams[i] if 0 <= i < len(self.exams) else None

    def choose_exam(self, exam: ExamDef) -> None:
        """Select `exam`, adding it to the list first when it is new (an opened package)."""
        if exam not in self.exams:
            self.exams.append(exam)
            self.exam_combo.addItem(exam.title, exam.id)
        self.exam_combo.setCurrentIndex(self.exams.index(exam))

    def update_exam_cases(self) -> None:
        exam = self.selected_exam()
        if hasattr(self, "form"):
            self.form.setRowVisible(self.passphrase, bool(exam and exam.package))
        if exam is None:
            self.exam_cases.setText("No exam is available.")
            return
        if exam.package is not None:
            self.exam_cases.setText(
                f"Sealed package {exam.package.name}: its cases are checked and unlocked at the "
                "preflight (type the passphrase, unless this center's key opens it)."
            )
            return
        names = ", ".join(p.stem for p in exam.cases)
        self.exam_cases.setText(
            (f"{len(exam.cases)} cases in order: " if exam.is_certificate else "Case: ") + names
        )

    def problem(self) -> tuple[str, QWidget | None] | None:
        """What stops the preflight (a message and the field to fix), or None."""
        if not re.fullmatch(CANDIDATE_ID_RE, self.candidate_id.text().strip()):
            return "Enter the candidate ID (letters, digits, . and -).", self.candidate_id
        if not self.candidate_name.text().strip():
            return "Enter the candidate's name.", self.candidate_name
        if self.selected_exam() is None:
            return "No exam is available to choose.", None
        return None
