"""The proctor's start screen: PIN, an unfinished exam to resume, exam set-up, and the preflight.

Pages, in order:
    pin        unlock with the proctor PIN (set it on first run)
    resume     shown when an unfinished exam was found (crash, power cut): resume it or not
               (ui/start_resume.py)
    setup      the exam (one case, or a certificate of several), candidate ID and name,
               accommodations (time multiplier, captions always on, larger text, high contrast),
               practice mode (ui/start_setup.py)
    preflight  every case validates and each media file decodes, a test tone the candidate
               confirms hearing, the results folder is writable with free space, the board
               key is present; failures are listed plainly and block the start
               (ui/start_preflight.py; the checks: ui/exam_checks.py, a sealed package's
               unlock: ui/package_unlock.py, the tone: ui/sound_check.py)

The window builds the pages, connects them in `_connect_signals`, and runs the
preflight. The pages after the PIN are built (and their modules imported) on unlock.

Signals:
    startRequested(object)   an `ExamProgress` for a new exam (preflight passed)
    resumeRequested(object)  the `UnfinishedSession` to resume
    settingsChanged()        high contrast / text size changed on the set-up page
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Signal

# Widgets only later screens use are imported where those are built: PySide6 builds a
# class and its enums on first import, and the PIN screen should not wait for that.
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player import __version__
from pocus_player.core.pin import PinStore
from pocus_player.core.settings_store import ExamDef, ExamProgress
from pocus_player.ui import theme
from pocus_player.ui.forms import message_label, show_message
from pocus_player.ui.package_unlock import PackageKeeper, run_package_checks
from pocus_player.ui.pin_prompt import PinPrompt
from pocus_player.ui.readiness import Check

if TYPE_CHECKING:  # loaded when needed, so the start screen appears quickly
    from pocus_player.core.model import Case
    from pocus_player.core.package.reader import UnlockedPackage
    from pocus_player.core.resume import UnfinishedSession
    from pocus_player.ui.start_preflight import PreflightPage
    from pocus_player.ui.start_resume import ResumePage
    from pocus_player.ui.start_setup import SetupPage

log = logging.getLogger(__name__)

__all__ = ["Check", "StartWindow", "run_package_checks"]


class StartWindow(QMainWindow):
    """The proctor's start screen (see the module docstring)."""

    startRequested = Signal(object)
    resumeRequested = Signal(object)
    settingsChanged = Signal()
    localeRequested = Signal(str)

    def __init__(
        self,
        pin_store: PinStore,
        exams: list[ExamDef],
        *,
        probe: object,
        results_dir: Path,
        min_free_mb: int,
        board_recipient: Path | None,
        signing_key: Path | None = None,
        center_identity: Path | None = None,
        problems: tuple[str, ...] = (),
        unfinished: Callable[[], list[UnfinishedSession]] | None = None,
        practice: bool = False,
        audio_output: str | None = None,
        preselect: str | None = None,
        prefill: dict[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("pocus-player {version}: proctor start").format(version=__version__)
        )
        self.exams = exams
        self.probe = probe
        self.results_dir = results_dir
        self.min_free_mb = min_free_mb
        self.board_recipient = board_recipient
        self.signing_key = signing_key
        self.center_identity = center_identity
        self.unlock = PackageKeeper(signing_key)  # the unlocked package of the exam, if any
        self._find_unfinished = unfinished or list
        self.unfinished: list[UnfinishedSession] = []
        self.audio_output = audio_output
        self.loaded_cases: list[Case] = []
        self.checks: list[Check] = []
        self._checks_ok = False
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._init_pin_page(pin_store, problems)
        # The other pages are built on unlock: the PIN prompt shows as fast as possible.
        self._prefill = prefill or {}
        self._practice, self._preselect = practice, preselect
        self._built = False
        self.pin_prompt.focus()

    @property
    def package(self) -> UnlockedPackage | None:
        """The unlocked package of the exam about to run, if any."""
        return self.unlock.package

    @property
    def delivery(self) -> dict[str, object] | None:
        """What the start records say of the package."""
        return self.unlock.delivery

    # -- building the pages

    def _init_pin_page(self, pin_store: PinStore, problems: tuple[str, ...]) -> None:
        pin_box = QWidget()
        pv = QVBoxLayout(pin_box)
        pv.setContentsMargins(0, 0, 0, 0)
        self.pin_prompt = PinPrompt(
            pin_store,
            purpose=self.tr("The proctor unlocks this computer to set up or resume an exam."),
            cancellable=False,
        )
        self.pin_problems = message_label()
        if problems:
            show_message(self.pin_problems, " ".join(problems), "warning")
        pv.addWidget(self.pin_problems)
        pv.addWidget(self.pin_prompt)
        self.pin_page = theme.card_page(pin_box, 560)
        self.pin_prompt.unlocked.connect(self._unlocked)
        self.pages.addWidget(self.pin_page)

    def _ensure_pages(self) -> None:
        if self._built:
            return
        self._built = True
        from pocus_player.ui.start_preflight import PreflightPage
        from pocus_player.ui.start_resume import ResumePage
        from pocus_player.ui.start_setup import SetupPage

        self.resume: ResumePage = ResumePage()
        self.setup: SetupPage = SetupPage(
            self.exams, practice=self._practice, preselect=self._preselect
        )
        self.preflight: PreflightPage = PreflightPage(self.audio_output)
        self.resume_page, self.setup_page = self.resume.page, self.setup.page
        self.preflight_page = self.preflight
        for page in (self.resume_page, self.setup_page, self.preflight_page):
            self.pages.addWidget(page)
        self._name_page_widgets()
        self._connect_signals()
        self.setup.fill_form(
            {"candidate_id": "", "candidate_name": "", "high_contrast": False, "large_text": False}
            | self._prefill
        )

    def _name_page_widgets(self) -> None:
        """The pages' widgets by the names the window has always given them."""
        r, s, p = self.resume, self.setup, self.preflight
        self.resume_text, self.resume_list = r.text, r.list
        self.resume_button, self.skip_resume = r.resume_button, r.skip_button
        self.exam_combo, self.exam_cases = s.exam_combo, s.exam_cases
        self.open_package_button, self.passphrase = s.open_package_button, s.passphrase
        self.candidate_id, self.candidate_name = s.candidate_id, s.candidate_name
        self.multiplier, self.captions_always = s.multiplier, s.captions_always
        self.large_text, self.high_contrast = s.large_text, s.high_contrast
        self.practice, self.setup_form = s.practice, s.form
        self.setup_message, self.preflight_button = s.message, s.preflight_button
        self.preflight_who, self.preflight_summary = p.who, p.summary
        self.check_list = p.check_list
        self.tone_button, self.tone_yes = p.sound.tone_button, p.sound.tone_yes
        self.tone_status = p.sound.tone_status
        self.start_button, self.rerun_button = p.start_button, p.rerun_button
        self.back_button = p.back_button

    def _connect_signals(self) -> None:
        """Every connection between the pages and the window, once the pages exist."""
        self.resume.resume_button.clicked.connect(self._resume)
        self.resume.skip_button.clicked.connect(self.show_setup)
        self.resume.list.itemActivated.connect(self._resume)
        self.setup.settingsChanged.connect(self.settingsChanged)
        self.setup.localeChosen.connect(self.localeRequested)
        self.setup.open_package_button.clicked.connect(self._choose_package)
        self.setup.candidate_name.returnPressed.connect(self._to_preflight)
        self.setup.preflight_button.clicked.connect(self._to_preflight)
        self.preflight.sound.heard.connect(self._tone_heard)
        self.preflight.start_button.clicked.connect(self._start)
        self.preflight.rerun_button.clicked.connect(self.run_preflight)
        self.preflight.back_button.clicked.connect(self.show_setup)

    # -- moving between the pages

    def _unlocked(self) -> None:
        self._ensure_pages()
        # Looked for only now: the journals are read after the proctor has unlocked.
        self.unfinished = list(self._find_unfinished())
        if self.unfinished:
            self._fill_resume()
            self.pages.setCurrentWidget(self.resume_page)
            self.resume_button.setFocus()
        else:
            self.show_setup()

    def _fill_resume(self) -> None:
        self.resume.fill(self.unfinished)

    def _resume(self) -> None:
        chosen = self.resume.selected()
        if chosen is not None:
            self.resumeRequested.emit(chosen)

    def form_state(self) -> dict[str, object]:
        """The set-up page as the proctor left it (empty before the PIN is entered)."""
        return self.setup.form_state() if self._built else {}

    def open_setup(self) -> None:
        """Straight to the set-up page: the proctor unlocked this screen before it was rebuilt."""
        self._ensure_pages()
        self.show_setup()

    def show_setup(self) -> None:
        self.pages.setCurrentWidget(self.setup_page)
        self.candidate_id.setFocus()

    def _to_preflight(self) -> None:
        problem = self.setup.problem()
        if problem is not None:
            text, field = problem
            show_message(self.setup_message, text)
            if field is not None:
                field.setFocus()
            return
        show_message(self.setup_message, "")
        self.pages.setCurrentWidget(self.preflight_page)
        self.run_preflight()

    # -- the exam chosen, and its package

    def selected_exam(self) -> ExamDef | None:
        return self.setup.selected_exam()

    def exam_progress(self) -> ExamProgress | None:
        exam = self.selected_exam()
        if exam is None:
            return None
        cases = exam.cases
        if exam.package is not None:  # the unlocked cases, by their paths inside the package
            cases = tuple(c.source for c in self.loaded_cases)
        return ExamProgress(
            exam_id=exam.id,
            exam_title=exam.title,
            cases=cases,
            candidate_id=self.candidate_id.text().strip(),
            candidate_name=self.candidate_name.text().strip(),
            time_multiplier=float(self.multiplier.currentData()),
            captions_always=self.captions_always.isChecked(),
            large_text=self.large_text.isChecked(),
            practice=self.practice.isChecked(),
        )

    @classmethod
    def ask_package_path(cls, parent: QWidget) -> Path | None:
        """The file dialog for a .pocusexam (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("StartWindow", "Open an exam package"),
            "",
            QCoreApplication.translate("StartWindow", "Exam packages (*.pocusexam)"),
        )
        return Path(name) if name else None

    def _choose_package(self) -> None:
        from pocus_player.core.settings_store import package_exam

        path = self.ask_package_path(self)
        if path is None:
            return
        exam = next((e for e in self.exams if e.package == path), None)
        self.setup.choose_exam(exam if exam is not None else package_exam(path))
        self.passphrase.setFocus()

    @classmethod
    def ask_passphrase(cls, parent: QWidget, package_name: str) -> str | None:
        """Ask for a package's passphrase again (to resume); None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("StartWindow", "Unlock the exam package"),
            QCoreApplication.translate(
                "StartWindow", "Passphrase of {package}, to resume the unfinished exam:"
            ).format(package=package_name),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def adopt_package(self, pkg: UnlockedPackage | None) -> None:
        """The unlocked package of the exam about to run, and what its start records say."""
        self.unlock.adopt(pkg)

    def forget_package(self) -> None:
        """The exam is over (or another one chosen): its content is no longer readable."""
        self.unlock.forget()

    # -- the preflight

    def run_preflight(self) -> None:
        from pocus_player.ui.exam_checks import run_checks

        exam = self.selected_exam()
        p = self.exam_progress()
        assert exam is not None and p is not None
        who = self.tr("{exam} for {name} ({id}): {accommodations}").format(
            exam=exam.title,
            name=p.candidate_name,
            id=p.candidate_id,
            accommodations=", ".join(_accommodations(p)),
        )
        self.preflight.show_checking(who)
        QApplication.processEvents()
        self.forget_package()
        package_checks: list[Check] = []
        package_cases: list[Case] = []
        if exam.package is not None:
            passphrase = self.passphrase.text()
            self.passphrase.clear()  # used once, never kept (a rerun asks again)
            package_checks, package_cases, pkg = run_package_checks(
                exam, passphrase, self.center_identity, self.signing_key, p.practice
            )
            self.adopt_package(pkg)
        checks, cases = run_checks(
            exam, self.probe, self.results_dir, self.min_free_mb, self.board_recipient
        )
        self.checks = [*package_checks, *checks]
        self.loaded_cases = [*package_cases, *cases]
        self._checks_ok = self.preflight.show_checks(self.checks)
        self._update_start()
        (self.tone_button if self._checks_ok else self.rerun_button).setFocus()

    def _tone_heard(self) -> None:
        self._update_start()
        if self.start_button.isEnabled():
            self.start_button.setFocus()

    def _update_start(self) -> None:
        self.start_button.setEnabled(self._checks_ok and self.preflight.sound.confirmed)

    def _start(self) -> None:
        progress = self.exam_progress()
        if progress is not None and self._checks_ok and self.preflight.sound.confirmed:
            self.startRequested.emit(progress)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._built:
            self.preflight.sound.close_tone()
        super().closeEvent(event)

    def show_error(self, text: str) -> None:
        """A problem found after the hand-off (e.g. resuming failed): shown on the current page."""
        self._ensure_pages()
        page = self.pages.currentWidget()
        target = self.pin_problems if page is self.pin_page else self.setup_message
        if page is not self.pin_page and page is not self.setup_page:
            self.show_setup()
        show_message(target, text)
        QTimer.singleShot(0, lambda: None)


def _accommodations(p: ExamProgress) -> list[str]:
    """The accommodations and mode of a sitting, in the words the preflight shows them."""
    factor = QLocale().toString(p.time_multiplier, "g", 3)
    extras = [QCoreApplication.translate("StartWindow", "{factor} × time").format(factor=factor)]
    if p.captions_always:
        extras.append(QCoreApplication.translate("StartWindow", "captions always on"))
    if p.large_text:
        extras.append(QCoreApplication.translate("StartWindow", "larger text"))
    if p.practice:
        extras.append(QCoreApplication.translate("StartWindow", "PRACTICE mode"))
    return extras
