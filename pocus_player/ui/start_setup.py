"""The start screen's set-up page: the exam, the candidate, the accommodations, practice mode.

The page holds the form and reads it back (`selected_exam`, `problem`); the
start window turns it into an `ExamProgress` and runs the preflight.

Signals:
    settingsChanged()   larger text or high contrast was switched (the theme follows)
    localeChosen(str)   the proctor chose another interface language (a locale code)
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt, Signal
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
from pocus_player.ui import i18n, theme
from pocus_player.ui.forms import button, message_label

CANDIDATE_ID_RE = r"[A-Za-z0-9][A-Za-z0-9.-]{0,39}"
CARD_WIDTH = 820


class SetupPage(QFrame):
    """The set-up form (see the module docstring); `page` is it inside a centred card page."""

    settingsChanged = Signal()
    localeChosen = Signal(str)

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
        self._init_language()
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

    def _init_language(self) -> None:
        """The interface's language (proctor and candidate); case content keeps its own."""
        self.language = QComboBox()
        for code in i18n.available_locales():
            self.language.addItem(i18n.language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_locale())))
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.setAccessibleDescription(
            self.tr("The language of the screens; cases stay in the language they were written in")
        )
        self.language.activated.connect(self._language_activated)

    def _language_activated(self, index: int) -> None:
        code = self.language.itemData(index)
        if code != i18n.current_locale():
            self.localeChosen.emit(code)

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
        self.exam_combo.setAccessibleName(self.tr("Exam"))
        self.exam_combo.setAccessibleDescription(
            self.tr("One case, or a certificate made of several cases")
        )
        if preselect:
            for i, e in enumerate(self.exams):
                if preselect in (e.id, *(str(p) for p in e.cases), *(p.stem for p in e.cases)):
                    self.exam_combo.setCurrentIndex(i)
                    break
        self.exam_cases = QLabel()
        self.exam_cases.setWordWrap(True)
        theme.set_role(self.exam_cases, "muted")
        self.open_package_button = button(
            self.tr("Open an exam pac&kage…"),
            self.tr("Open exam package"),
            self.tr("Choose a sealed .pocusexam file given by the certifying body"),
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Package passphrase"))
        self.passphrase.setAccessibleDescription(
            self.tr("The passphrase that unlocks the sealed exam package for this sitting")
        )

    def _init_candidate_fields(self) -> None:
        self.candidate_id = QLineEdit()
        self.candidate_id.setValidator(QRegularExpressionValidator(CANDIDATE_ID_RE))
        self.candidate_id.setAccessibleName(self.tr("Candidate ID"))
        self.candidate_id.setAccessibleDescription(
            self.tr("The candidate's ID: letters, digits, dots and hyphens, up to 40")
        )
        self.candidate_name = QLineEdit()
        self.candidate_name.setAccessibleName(self.tr("Candidate name"))
        self.candidate_name.setAccessibleDescription(
            self.tr("The candidate's full name, as on their ID")
        )

    def _init_accommodations(self, practice: bool) -> None:
        self.multiplier = QComboBox()
        for m in TIME_MULTIPLIERS:
            factor = QLocale().toString(m, "g", 3)
            text = self.tr("{factor} × time (standard)") if m == 1.0 else self.tr("{factor} × time")
            self.multiplier.addItem(text.format(factor=factor), m)
        self.multiplier.setAccessibleName(self.tr("Time multiplier"))
        self.multiplier.setAccessibleDescription(
            self.tr("Extra time accommodation for this candidate")
        )
        self.captions_always = QCheckBox(self.tr("Captions always on"))
        self.captions_always.setAccessibleDescription(
            self.tr("The candidate cannot switch captions off")
        )
        self.large_text = QCheckBox(self.tr("Larger text (200 %)"))
        self.large_text.setAccessibleDescription(
            self.tr("Show questions, captions and the script at twice the size")
        )
        self.high_contrast = QCheckBox(self.tr("High-contrast colours"))
        self.high_contrast.setAccessibleDescription(
            self.tr("White on black with strong focus outlines")
        )
        # A check box does not wrap: a short label keeps the page inside 1024 px at 200 %.
        self.practice = QCheckBox(self.tr("Practice mode"))
        self.practice.setAccessibleDescription(
            self.tr(
                "Feedback after each answer, in a window: scores, keys and explanations are "
                "shown to the candidate"
            )
        )
        self.practice.setToolTip(self.practice.accessibleDescription())
        self.practice.setChecked(practice)

    def _layout(self) -> None:
        title = QLabel(self.tr("Set up the exam"))
        title.setObjectName("Title")
        self.form = form = QFormLayout()
        for text, w in (
            (self.tr("&Language:"), self.language),
            (self.tr("&Exam:"), self.exam_combo),
            ("", self.exam_cases),
            ("", self.open_package_button),
            (self.tr("Package pa&ssphrase:"), self.passphrase),
            (self.tr("Candidate &ID:"), self.candidate_id),
            (self.tr("Candidate &name:"), self.candidate_name),
            (self.tr("&Time:"), self.multiplier),
        ):
            label = QLabel(text)
            label.setBuddy(w)
            form.addRow(label, w)
        acc = QVBoxLayout()
        for box in (self.captions_always, self.large_text, self.high_contrast, self.practice):
            acc.addWidget(box)
        form.addRow(QLabel(self.tr("Accommodations:")), acc)
        self.message = message_label()
        self.preflight_button = button(
            self.tr("Run the &preflight checks"),
            self.tr("Run preflight"),
            self.tr("Check the cases, media, sound, results folder and board key"),
            "primary",
        )
        v = QVBoxLayout(self)
        v.addWidget(title)
        v.addLayout(form)
        v.addWidget(self.message)
        v.addWidget(self.preflight_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- reading and updating the form

    def form_state(self) -> dict[str, object]:
        """What the proctor has filled in, to fill a page built again (another language) with."""
        exam = self.selected_exam()
        return {
            "exam_id": exam.id if exam is not None else "",
            "candidate_id": self.candidate_id.text(),
            "candidate_name": self.candidate_name.text(),
            "time_multiplier": self.multiplier.currentData(),
            "captions_always": self.captions_always.isChecked(),
            "large_text": self.large_text.isChecked(),
            "high_contrast": self.high_contrast.isChecked(),
            "practice": self.practice.isChecked(),
        }

    def fill_form(self, state: dict[str, object]) -> None:
        """The fields `form_state` read (those present in `state`)."""
        ids = [e.id for e in self.exams]
        if state.get("exam_id") in ids:
            self.exam_combo.setCurrentIndex(ids.index(str(state["exam_id"])))
        self.candidate_id.setText(str(state.get("candidate_id", "")))
        self.candidate_name.setText(str(state.get("candidate_name", "")))
        if "time_multiplier" in state:
            self.multiplier.setCurrentIndex(
                max(0, self.multiplier.findData(state["time_multiplier"]))
            )
        for key, box in (
            ("captions_always", self.captions_always),
            ("large_text", self.large_text),
            ("high_contrast", self.high_contrast),
            ("practice", self.practice),
        ):
            if key in state:
                box.setChecked(bool(state[key]))

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
            self.exam_cases.setText(self.tr("No exam is available."))
            return
        if exam.package is not None:
            self.exam_cases.setText(
                self.tr(
                    "Sealed package {name}: its cases are checked and unlocked at the "
                    "preflight (type the passphrase, unless this center's key opens it)."
                ).format(name=exam.package.name)
            )
            return
        names = ", ".join(p.stem for p in exam.cases)
        if exam.is_certificate:
            text = self.tr("%n case(s) in order: {names}", "", len(exam.cases))
        else:
            text = self.tr("Case: {names}")
        self.exam_cases.setText(text.format(names=names))

    def problem(self) -> tuple[str, QWidget | None] | None:
        """What stops the preflight (a message and the field to fix), or None."""
        if not re.fullmatch(CANDIDATE_ID_RE, self.candidate_id.text().strip()):
            return self.tr("Enter the candidate ID (letters, digits, . and -)."), self.candidate_id
        if not self.candidate_name.text().strip():
            return self.tr("Enter the candidate's name."), self.candidate_name
        if self.selected_exam() is None:
            return self.tr("No exam is available to choose."), None
        return None
