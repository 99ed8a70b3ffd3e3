"""The proctor's start screen: PIN, an unfinished exam to resume, exam set-up, and the preflight.

Pages, in order:
    pin        unlock with the proctor PIN (set it on first run)
    resume     shown when an unfinished exam was found (crash, power cut): resume it or not
    setup      the exam (one case, or a certificate of several), candidate ID and name,
               accommodations (time multiplier, captions always on, larger text, high contrast),
               practice mode
    preflight  every case validates and each media file decodes, a test tone the candidate
               confirms hearing, the results folder is writable with free space, the board
               key is present; failures are listed plainly and block the start

Signals:
    startRequested(object)   an `ExamProgress` for a new exam (preflight passed)
    resumeRequested(object)  the `UnfinishedSession` to resume
    settingsChanged()        high contrast / text size changed on the set-up page
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator

# Widgets only later screens use are imported where those are built: PySide6 builds a
# class and its enums on first import, and the PIN screen should not wait for that.
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pocus_player import __version__
from pocus_player.core.pin import PinStore
from pocus_player.core.settings_store import (
    TIME_MULTIPLIERS,
    ExamDef,
    ExamProgress,
    check_results_dir,
)
from pocus_player.ui import theme
from pocus_player.ui.forms import button, message_label, show_message
from pocus_player.ui.pin_prompt import PinPrompt

if TYPE_CHECKING:  # loaded when needed, so the start screen appears quickly
    from pocus_player.core.model import Case, MediaItem
    from pocus_player.core.package.reader import UnlockedPackage
    from pocus_player.core.resume import UnfinishedSession

log = logging.getLogger(__name__)

CANDIDATE_ID_RE = r"[A-Za-z0-9][A-Za-z0-9.-]{0,39}"


# ---------------------------------------------------------------- the test tone


def write_tone_wav(path: Path, *, seconds: float = 1.5, freq: float = 660.0) -> Path:
    """A short sine tone with soft edges (16-bit mono, 44.1 kHz)."""
    import math
    import struct
    import wave

    rate = 44100
    n = int(seconds * rate)
    fade = int(0.05 * rate)
    frames = bytearray()
    for i in range(n):
        env = min(1.0, i / fade, (n - i) / fade)
        frames += struct.pack(
            "<h", int(0.4 * 32767 * env * math.sin(2 * math.pi * freq * i / rate))
        )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


class TonePlayer:
    """Plays the generated tone through libvlc (the same audio path as the exam)."""

    def __init__(self, audio_output: str | None = None) -> None:
        import tempfile

        self._audio_output = audio_output
        self._player = None
        self._dir = tempfile.TemporaryDirectory(prefix="pocus-tone-")
        self.path = write_tone_wav(Path(self._dir.name) / "tone.wav")

    def play(self) -> str | None:
        """Start the tone; a plain error message when libvlc cannot play it."""
        try:
            from pocus_player.media.vlc_instance import shared_runtime

            inst = shared_runtime().instance
            if self._player is None:
                self._player = inst.media_player_new()
                if self._audio_output:
                    self._player.audio_output_set(self._audio_output)
            media = inst.media_new_path(str(self.path))
            self._player.set_media(media)
            media.release()
            if self._player.play() != 0:
                return "The test tone could not be played (libvlc refused)."
        except Exception as exc:  # libvlc missing or broken: say so, do not crash
            return f"The test tone could not be played: {exc}"
        return None

    def close(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._player = None
        self._dir.cleanup()


# ---------------------------------------------------------------- preflight checks


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    warning: bool = False  # passes, but the proctor should read it


def run_checks(
    exam: ExamDef,
    probe: object,
    results_dir: Path,
    min_free_mb: int,
    board_recipient: Path | None,
) -> tuple[list[Check], list[Case]]:
    """Every check except the tone; returns the checks and the loaded cases."""
    from pocus_player.core.errors import CaseValidationError, ResultFileError
    from pocus_player.core.journal_format import load_recipient
    from pocus_player.core.loader import load_case
    from pocus_player.core.media_info import MediaProbeError

    checks: list[Check] = []
    cases: list[Case] = []
    for path in exam.cases:
        try:
            case = load_case(path, probe)  # type: ignore[arg-type]
        except CaseValidationError as exc:
            first = exc.problems[:3]
            more = len(exc.problems) - len(first)
            detail = "; ".join(str(p) for p in first) + (f"; and {more} more" if more else "")
            checks.append(Check(f"Case {path.name}", False, f"fails validation: {detail}"))
            continue
        except OSError as exc:
            checks.append(Check(f"Case {path.name}", False, f"cannot be read ({exc.strerror})"))
            continue
        cases.append(case)
        checks.append(Check(f"Case {case.meta.id}", True, f"valid ({case.meta.title})"))
        for item in case.media:
            try:
                info = probe.probe(item.file)  # type: ignore[attr-defined]
            except MediaProbeError as exc:
                checks.append(Check(f"Media {item.file.name}", False, str(exc)))
                continue
            what = (
                f"{info.width}x{info.height}"
                if info.has_video and info.width
                else ("audio" if info.has_audio else "image")
            )
            if info.duration_s:
                what += f", {info.duration_s:.1f} s"
            checks.append(Check(f"Media {item.file.name}", True, f"decodes ({what})"))
    from pocus_player.ui.selftest import preflight_checks

    checks.extend(Check(r.name, r.ok, r.detail, r.warning) for r in preflight_checks())
    problems = check_results_dir(results_dir, min_free_mb)
    checks.append(
        Check(
            "Results folder",
            not problems,
            "; ".join(problems) if problems else f"{results_dir} is writable with enough space",
        )
    )
    if board_recipient is None:
        checks.append(Check("Board key", False, "No board key is configured."))
    else:
        try:
            load_recipient(board_recipient)
            demo = "demo-board" in board_recipient.name
            checks.append(
                Check(
                    "Board key",
                    True,
                    f"{board_recipient.name} present"
                    + (" (DEMO key: anyone can read these results)" if demo else ""),
                    warning=demo,
                )
            )
        except (ResultFileError, OSError, ValueError) as exc:
            checks.append(Check("Board key", False, f"{board_recipient}: {exc}"))
    return checks, cases


def run_package_checks(
    exam: ExamDef,
    passphrase: str | None,
    center_identity: Path | None,
    signing_key: Path | None,
    practice: bool,
) -> tuple[list[Check], list[Case], UnlockedPackage | None]:
    """Open, check and unlock a sealed package, then read every file of it into memory.

    In exam mode the package must be signed by the board's key; in practice mode an
    unsigned one is allowed (and said). Nothing is written anywhere.
    """
    from pocus_player.core.errors import PocusError
    from pocus_player.core.package import content
    from pocus_player.core.package.errors import PackageError
    from pocus_player.core.package.signing import load_verify_key

    assert exam.package is not None
    name = f"Package {exam.package.name}"
    checks: list[Check] = []
    identities = []
    if center_identity is not None and center_identity.is_file():
        from pocus_player.core.journal_format import load_identities

        try:
            identities = load_identities(center_identity)
        except PocusError as exc:
            checks.append(Check("Center key", False, str(exc)))
    if not passphrase and not identities:
        checks.append(
            Check(name, False, "Type the package passphrase on the set-up page (Back to set-up).")
        )
        return checks, [], None
    try:
        trusted = [load_verify_key(signing_key)] if signing_key is not None else []
        pkg = content.open_package(
            exam.package,
            passphrase=passphrase or None,
            identities=identities,
            trusted=trusted,
            require_signature=not practice,
        )
        cases = content.load_cases(pkg)
    except PackageError as exc:
        checks.append(Check(name, False, str(exc)))
        return checks, [], None
    status = pkg.sealed.signature_status(trusted)
    if pkg.keys_withheld and practice:
        checks.append(
            Check(name, False, "its keys are withheld by the board: it cannot run in practice mode")
        )
        return checks, [], None
    until = pkg.sealed.header.get("not_after")
    demo = signing_key is not None and "demo-board" in signing_key.name and status.trusted
    checks.append(
        Check(
            name,
            True,
            f"{pkg.sealed.exam.get('title')} v{pkg.sealed.version}: {status.detail}"
            + (" (DEMO signing key: proves nothing)" if demo else "")
            + (f"; valid until {until}" if until else "")
            + ("; keys withheld (scored by the board)" if pkg.keys_withheld else ""),
            warning=demo or not status.trusted,
        )
    )
    content.register(pkg)  # readable from memory from here on: the clips are decoded below
    for case in cases:
        checks.append(Check(f"Case {case.meta.id}", True, f"unlocked ({case.meta.title})"))
        for item in case.media:
            checks.append(_sealed_media_check(pkg, item))
    if any(not c.ok for c in checks):
        content.unregister(pkg)
        return checks, [], None
    return checks, cases, pkg


def _sealed_media_check(pkg: UnlockedPackage, item: MediaItem) -> Check:
    """A member decrypted whole and hash-checked; a clip's first frame decoded from memory."""
    from pocus_player.core.package.errors import PackageError

    name = f"Media {item.file.name}"
    entry = pkg.entry_for(item.file)
    if entry is None:
        return Check(name, False, f"the package holds no {item.file.name}")
    try:
        pkg.read_entry(entry)[:] = b""  # decrypted whole and hash-checked, then dropped
    except PackageError as exc:
        return Check(name, False, str(exc))
    info = entry.media_info
    what = "image"
    if info is not None and info.has_video and info.width:
        what = f"{info.width}x{info.height}"
    elif info is not None and info.has_audio:
        what = "audio"
    if info is not None and info.duration_s:
        what += f", {info.duration_s:.1f} s"
    if info is not None and info.has_video and info.duration_s and not item.is_picture:
        from pocus_player.ui.questions.images import QuestionImageError, decode_clip_frame

        try:
            decode_clip_frame(item, 0)
        except QuestionImageError as exc:
            return Check(name, False, f"decrypts, but does not decode from memory: {exc}")
        return Check(name, True, f"decrypts and decodes in memory ({what})")
    return Check(name, True, f"decrypts in memory and matches ({what})")


# ---------------------------------------------------------------- the window


class StartWindow(QMainWindow):
    """The proctor's start screen (see the module docstring)."""

    startRequested = Signal(object)
    resumeRequested = Signal(object)
    settingsChanged = Signal()

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
        self.setWindowTitle(f"pocus-player {__version__}: proctor start")
        self.exams = exams
        self.probe = probe
        self.results_dir = results_dir
        self.min_free_mb = min_free_mb
        self.board_recipient = board_recipient
        self.signing_key = signing_key
        self.center_identity = center_identity
        self.package: UnlockedPackage | None = None  # the unlocked package of the exam, if any
        self.delivery: dict[str, object] | None = None  # what the start records say of it
        self._find_unfinished = unfinished or list
        self.unfinished: list[UnfinishedSession] = []
        self.audio_output = audio_output
        self.loaded_cases: list[Case] = []
        self._tone: TonePlayer | None = None
        self._checks_ok = False

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.banner = QLabel()
        self.banner.setWordWrap(True)

        # pin
        pin_box = QWidget()
        pv = QVBoxLayout(pin_box)
        pv.setContentsMargins(0, 0, 0, 0)
        self.pin_prompt = PinPrompt(
            pin_store,
            purpose="The proctor unlocks this computer to set up or resume an exam.",
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

        # The other pages are built on unlock: the PIN prompt shows as fast as possible.
        self._prefill = prefill or {}
        self._practice, self._preselect = practice, preselect
        self._built = False
        self.pin_prompt.focus()

    # -- resume

    def _build_resume(self) -> QWidget:
        from PySide6.QtWidgets import QListWidget

        card = QFrame()
        card.setObjectName("Card")
        card_width = 820
        v = QVBoxLayout(card)
        title = QLabel("An unfinished exam was found")
        title.setObjectName("Title")
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        self.resume_list = QListWidget()
        self.resume_list.setAccessibleName("Unfinished exams")
        self.resume_list.setAccessibleDescription("Exams that stopped before they were submitted")
        self.resume_button = button(
            "&Resume the selected exam",
            "Resume exam",
            "Continue the exam at its last submitted checkpoint with its remaining time",
            "primary",
        )
        self.skip_resume = button(
            "Set up a &new exam instead",
            "New exam",
            "Leave the unfinished exam for later and set up a new one",
        )
        row = QHBoxLayout()
        row.addWidget(self.resume_button)
        row.addWidget(self.skip_resume)
        row.addStretch(1)
        for w in (title, self.resume_text, self.resume_list):
            v.addWidget(w)
        v.addLayout(row)
        page = theme.card_page(card, card_width)
        self.resume_button.clicked.connect(self._resume)
        self.skip_resume.clicked.connect(self.show_setup)
        self.resume_list.itemActivated.connect(lambda _i: self._resume())
        return page

    def _fill_resume(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        self.resume_list.clear()
        for u in self.unfinished:
            started = f"{u.started[:4]}-{u.started[4:6]}-{u.started[6:8]} {u.started[9:11]}:{u.started[11:13]} UTC"
            item = QListWidgetItem(
                f"Candidate {u.candidate_id} · case {u.case_id} · started {started}"
            )
            item.setData(Qt.ItemDataRole.UserRole, u)
            self.resume_list.addItem(item)
        self.resume_list.setCurrentRow(0)
        self.resume_text.setText(
            "The app stopped before this exam was submitted (a crash or a power cut). "
            "Resuming continues after the last submitted checkpoint with the time that was left; "
            "answers submitted before are kept."
        )

    def _resume(self) -> None:
        from PySide6.QtCore import Qt

        item = self.resume_list.currentItem()
        if item is not None:
            self.resumeRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    # -- setup

    def _build_setup(self, practice: bool, preselect: str | None) -> QWidget:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCheckBox, QComboBox

        card = QFrame()
        card.setObjectName("Card")
        card_width = 820
        v = QVBoxLayout(card)
        title = QLabel("Set up the exam")
        title.setObjectName("Title")
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
        self.exam_combo.currentIndexChanged.connect(self._update_exam_cases)
        self.open_package_button = button(
            "Open an exam pac&kage…",
            "Open exam package",
            "Choose a sealed .pocusexam file given by the certifying body",
        )
        self.open_package_button.clicked.connect(self._choose_package)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Package passphrase")
        self.passphrase.setAccessibleDescription(
            "The passphrase that unlocks the sealed exam package for this sitting"
        )
        self.candidate_id = QLineEdit()
        self.candidate_id.setValidator(QRegularExpressionValidator(CANDIDATE_ID_RE))
        self.candidate_id.setAccessibleName("Candidate ID")
        self.candidate_id.setAccessibleDescription(
            "The candidate's ID: letters, digits, dots and hyphens, up to 40"
        )
        self.candidate_name = QLineEdit()
        self.candidate_name.setAccessibleName("Candidate name")
        self.candidate_name.setAccessibleDescription("The candidate's full name, as on their ID")
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
        self.candidate_id.returnPressed.connect(self.candidate_name.setFocus)
        self.candidate_name.returnPressed.connect(self._to_preflight)
        self.large_text.toggled.connect(lambda _on: self.settingsChanged.emit())
        self.high_contrast.toggled.connect(lambda _on: self.settingsChanged.emit())
        form = QFormLayout()
        self.setup_form = form
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
        for w in (self.captions_always, self.large_text, self.high_contrast, self.practice):
            acc.addWidget(w)
        form.addRow(QLabel("Accommodations:"), acc)
        self.setup_message = message_label()
        self.preflight_button = button(
            "Run the &preflight checks",
            "Run preflight",
            "Check the cases, media, sound, results folder and board key",
            "primary",
        )
        self.preflight_button.clicked.connect(self._to_preflight)
        v.addWidget(title)
        v.addLayout(form)
        v.addWidget(self.setup_message)
        v.addWidget(self.preflight_button, 0, Qt.AlignmentFlag.AlignLeft)
        page = theme.card_page(card, card_width)
        self._update_exam_cases()
        return page

    def _update_exam_cases(self) -> None:
        exam = self.selected_exam()
        if hasattr(self, "setup_form"):
            self.setup_form.setRowVisible(self.passphrase, bool(exam and exam.package))
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

    @classmethod
    def ask_package_path(cls, parent: QWidget) -> Path | None:
        """The file dialog for a .pocusexam (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            parent, "Open an exam package", "", "Exam packages (*.pocusexam)"
        )
        return Path(name) if name else None

    def _choose_package(self) -> None:
        from pocus_player.core.settings_store import package_exam

        path = self.ask_package_path(self)
        if path is None:
            return
        exam = next((e for e in self.exams if e.package == path), None)
        if exam is None:
            exam = package_exam(path)
            self.exams.append(exam)
            self.exam_combo.addItem(exam.title, exam.id)
        self.exam_combo.setCurrentIndex(self.exams.index(exam))
        self.passphrase.setFocus()

    @classmethod
    def ask_passphrase(cls, parent: QWidget, package_name: str) -> str | None:
        """Ask for a package's passphrase again (to resume); None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            parent,
            "Unlock the exam package",
            f"Passphrase of {package_name}, to resume the unfinished exam:",
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def adopt_package(self, pkg: UnlockedPackage | None) -> None:
        """The unlocked package of the exam about to run, and what its start records say."""
        self.forget_package()
        if pkg is None:
            return
        from pocus_player.core.package import content
        from pocus_player.core.package.signing import load_verify_key

        trusted = [load_verify_key(self.signing_key)] if self.signing_key is not None else []
        self.package = pkg
        self.delivery = content.delivery_record(pkg, trusted)

    def forget_package(self) -> None:
        """The exam is over (or another one chosen): its content is no longer readable."""
        if self.package is not None:
            from pocus_player.core.package import content

            content.unregister(self.package)
        self.package = None
        self.delivery = None

    def selected_exam(self) -> ExamDef | None:
        i = self.exam_combo.currentIndex()
        return self.exams[i] if 0 <= i < len(self.exams) else None

    def show_setup(self) -> None:
        self.pages.setCurrentWidget(self.setup_page)
        self.candidate_id.setFocus()

    def _ensure_pages(self) -> None:
        if self._built:
            return
        self._built = True
        self.resume_page = self._build_resume()
        self.setup_page = self._build_setup(self._practice, self._preselect)
        self.preflight_page = self._build_preflight()
        for page in (self.resume_page, self.setup_page, self.preflight_page):
            self.pages.addWidget(page)
        f = self._prefill
        self.candidate_id.setText(str(f.get("candidate_id", "")))
        self.candidate_name.setText(str(f.get("candidate_name", "")))
        self.high_contrast.setChecked(bool(f.get("high_contrast", False)))
        self.large_text.setChecked(bool(f.get("large_text", False)))

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

    def _to_preflight(self) -> None:
        cid = self.candidate_id.text().strip()
        if not re.fullmatch(CANDIDATE_ID_RE, cid):
            show_message(self.setup_message, "Enter the candidate ID (letters, digits, . and -).")
            self.candidate_id.setFocus()
            return
        if not self.candidate_name.text().strip():
            show_message(self.setup_message, "Enter the candidate's name.")
            self.candidate_name.setFocus()
            return
        if self.selected_exam() is None:
            show_message(self.setup_message, "No exam is available to choose.")
            return
        show_message(self.setup_message, "")
        self.pages.setCurrentWidget(self.preflight_page)
        self.run_preflight()

    # -- preflight

    def _build_preflight(self) -> QWidget:
        from PySide6.QtWidgets import QListWidget

        card = QFrame()
        card.setObjectName("Card")
        card_width = 980
        v = QVBoxLayout(card)
        title = QLabel("Preflight checks")
        title.setObjectName("Title")
        self.preflight_who = QLabel()
        self.preflight_who.setWordWrap(True)
        self.preflight_who.setObjectName("Subtitle")
        self.preflight_summary = QLabel()
        self.preflight_summary.setWordWrap(True)
        self.check_list = QListWidget()
        self.check_list.setAccessibleName("Preflight results")
        self.check_list.setAccessibleDescription("One line per check, marked passed or failed")
        self.check_list.setWordWrap(True)
        tone_box = QFrame()
        tone_box.setObjectName("Card")
        tv = QVBoxLayout(tone_box)
        tone_text = QLabel(
            "Sound check: put the headphones on the candidate, play the test tone and ask "
            "whether they hear it."
        )
        tone_text.setWordWrap(True)
        self.tone_button = button(
            "Play the test &tone",
            "Play test tone",
            "Play a short beep through the exam's audio output",
        )
        self.tone_yes = button(
            "The candidate &heard it", "Tone heard", "Confirm the candidate heard the test tone"
        )
        self.tone_status = message_label()
        tr = QHBoxLayout()
        tr.addWidget(self.tone_button)
        tr.addWidget(self.tone_yes)
        tr.addStretch(1)
        tv.addWidget(tone_text)
        tv.addLayout(tr)
        tv.addWidget(self.tone_status)
        self.start_button = button(
            "&Start the exam",
            "Start exam",
            "Hand over to the candidate: the instructions of the first case appear",
            "primary",
        )
        self.rerun_button = button(
            "&Run the checks again", "Run checks again", "Repeat the preflight checks"
        )
        self.back_button = button(
            "&Back to set-up", "Back to set-up", "Change the exam or the candidate"
        )
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.rerun_button)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for w in (title, self.preflight_who, self.preflight_summary, self.check_list, tone_box):
            v.addWidget(w)
        v.addLayout(row)
        page = theme.card_page(card, card_width)
        self.tone_button.clicked.connect(self._play_tone)
        self.tone_yes.clicked.connect(self._tone_heard)
        self.start_button.clicked.connect(self._start)
        self.rerun_button.clicked.connect(self.run_preflight)
        self.back_button.clicked.connect(self.show_setup)
        self._tone_ok = False
        return page

    def run_preflight(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

        exam = self.selected_exam()
        assert exam is not None
        p = self.exam_progress()
        assert p is not None
        extras = [f"{p.time_multiplier:g} × time"]
        if p.captions_always:
            extras.append("captions always on")
        if p.large_text:
            extras.append("larger text")
        if p.practice:
            extras.append("PRACTICE mode")
        self.preflight_who.setText(
            f"{exam.title} for {p.candidate_name} ({p.candidate_id}): " + ", ".join(extras)
        )
        self.check_list.clear()
        self.preflight_summary.setText("Checking…")
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
        checks = [*package_checks, *checks]
        cases = [*package_cases, *cases]
        self.loaded_cases = cases
        self.checks = checks
        for c in checks:
            mark = "FAILED" if not c.ok else ("CHECK" if c.warning else "OK")
            item = QListWidgetItem(f"{mark} · {c.name}: {c.detail}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{c.name}: {mark}. {c.detail}")
            self.check_list.addItem(item)
        failed = [c for c in checks if not c.ok]
        self._checks_ok = not failed
        if failed:
            self.preflight_summary.setText(
                f"{len(failed)} check(s) failed. Fix them (see the lines marked FAILED) and run "
                "the checks again; the exam cannot start until every check passes."
            )
            theme.set_role(self.preflight_summary, "error")
        else:
            self.preflight_summary.setText(
                "All checks passed. Play the test tone and confirm the candidate heard it."
            )
            theme.set_role(self.preflight_summary, "ok")
        self._update_start()
        (self.tone_button if self._checks_ok else self.rerun_button).setFocus()

    def _play_tone(self) -> None:
        if self._tone is None:
            self._tone = TonePlayer(self.audio_output)
        error = self._tone.play()
        if error:
            show_message(self.tone_status, error)
        else:
            show_message(self.tone_status, "Tone playing… Did the candidate hear it?", "warning")
        self.tone_yes.setFocus()

    def _tone_heard(self) -> None:
        self._tone_ok = True
        show_message(self.tone_status, "Sound confirmed.", "ok")
        self._update_start()
        if self.start_button.isEnabled():
            self.start_button.setFocus()

    def _update_start(self) -> None:
        self.start_button.setEnabled(self._checks_ok and self._tone_ok)

    def _start(self) -> None:
        progress = self.exam_progress()
        if progress is not None and self._checks_ok and self._tone_ok:
            self.startRequested.emit(progress)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._tone is not None:
            self._tone.close()
            self._tone = None
        super().closeEvent(event)

    def show_error(self, text: str) -> None:
        """A problem found after the hand-off (e.g. resuming failed): shown on the current page."""
        self._ensure_pages()
        page = self.pages.currentWidget()
        target = {
            self.setup_page: self.setup_message,
            self.pin_page: self.pin_problems,
        }.get(page)
        if target is None:
            target = self.setup_message
            self.show_setup()
        show_message(target, text)
        QTimer.singleShot(0, lambda: None)
