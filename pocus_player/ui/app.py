"""The exam application: QApplication set-up, theme, the start screen and the candidate's window.

`ExamApp` ties the pieces together: it reads the settings, sets up logging,
shows the proctor's `StartWindow`, and on "Start the exam" (or "Resume")
builds the media engine and widget, the `ExamController` and the
`CandidateWindow` (full screen in exam mode, windowed in practice). After the
exam the proctor returns to the start screen through the proctor panel.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pocus_player import __version__
from pocus_player.core.pin import PinStore
from pocus_player.core.settings_store import (
    AppDirs,
    ExamDef,
    ExamProgress,
    ProgressStore,
    SettingsStore,
    app_dirs,
    demo_exams,
    package_exam,
    results_dir_for,
)
from pocus_player.ui import i18n, theme
from pocus_player.ui.accessibility import name_application
from pocus_player.ui.logging_setup import setup_logging

if TYPE_CHECKING:  # the engine and journal load after the start screen is up
    from pocus_player.core.resume import UnfinishedSession

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AppOptions:
    config_dir: Path | None = None
    results_dir: Path | None = None
    exam: str | None = None  # an exam id, or a case file / case name to preselect
    candidate_id: str = ""
    candidate_name: str = ""
    practice: bool = False
    kiosk: bool | None = None  # None: from the settings (exam mode only)
    high_contrast: bool = False
    text_scale: float = 1.0
    audio_output: str | None = None  # libvlc audio output module ("dummy" for silent test runs)
    verbose: bool = False
    locale: str | None = None  # the interface language; None: from the settings, else the system's


def create_qapp(argv: list[str] | None = None) -> QApplication:
    """The QApplication, honouring the OS display scale (fractional factors too)."""
    app = QApplication.instance()
    if app is None:
        # Fractional factors (150 %) as they are; the environment variable rather than the
        # setter keeps the start path off Qt's namespace of enums (see theme.py).
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
        if sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ:
            # libvlc cannot embed under Wayland; frames are painted by Qt, but stay on xcb.
            os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        app = QApplication(argv or [sys.argv[0]])
    name_application(app)  # type: ignore[arg-type]
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


class ExamApp(QObject):
    """The running application (see the module docstring)."""

    def __init__(self, options: AppOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.dirs: AppDirs = app_dirs(options.config_dir, None)
        self.log_file = setup_logging(self.dirs.logs, verbose=options.verbose)
        loaded = SettingsStore(self.dirs).load()
        self.settings = loaded.settings
        self.problems = loaded.problems
        # Before any window is built: widgets read their text when they are made.
        self.locale = i18n.install(options.locale or self.settings.locale)
        self.results_dir = results_dir_for(self.dirs, self.settings, options.results_dir)
        self.pin_store = PinStore(self.dirs.pin_file)
        self.progress_store = ProgressStore(self.dirs)
        self.exams: list[ExamDef] = [*demo_exams(), *self.settings.exams]
        self.preselect = options.exam
        if options.exam and options.exam.endswith(".pocusexam"):
            path = Path(options.exam).expanduser().resolve()
            known = next((e for e in self.exams if e.package == path), None)
            if known is None:
                known = package_exam(path)
                self.exams.append(known)
            self.preselect = known.id
        elif options.exam and options.exam.endswith((".yaml", ".yml")):
            # A case file named on the command line is offered even when no exam lists it.
            path = Path(options.exam).expanduser().resolve()
            known = next((e for e in self.exams if e.cases == (path,)), None)
            if known is None:
                title = self.tr("Case file: {name}").format(name=path.name)
                known = ExamDef(f"file-{path.stem}", title, (path,))
                self.exams.append(known)
            self.preselect = known.id
        self.start_window = None  # type: ignore[var-annotated]
        self.candidate_window = None  # type: ignore[var-annotated]
        self.controller = None  # type: ignore[var-annotated]
        self.media_widget = None  # type: ignore[var-annotated]
        self._probe = None
        self.high_contrast = options.high_contrast
        self.text_scale = options.text_scale
        self.apply_theme()
        log.info("pocus-player %s starting; results in %s", __version__, self.results_dir)

    # -- helpers

    @property
    def probe(self):  # type: ignore[no-untyped-def]
        if self._probe is None:
            from pocus_player.media.probe import VlcMediaProbe

            self._probe = VlcMediaProbe()
        return self._probe

    def apply_theme(self) -> None:
        app = QApplication.instance()
        if app is not None:
            theme.apply(app, self.high_contrast, self.text_scale)  # type: ignore[arg-type]

    def unfinished(self) -> list[UnfinishedSession]:
        from pocus_player.core.resume import find_unfinished

        try:
            return find_unfinished(self.results_dir)
        except OSError as exc:
            log.warning("cannot look for unfinished exams: %s", exc.strerror)
            return []

    def set_locale(self, locale: str) -> None:
        """The proctor chose the interface language: keep it in the settings, rebuild the screen."""
        self.locale = i18n.install(locale)
        self.settings = replace(self.settings, locale=locale)
        try:
            SettingsStore(self.dirs).save(self.settings)
        except OSError as exc:
            log.warning("cannot save the interface language: %s", exc.strerror)
        if self.start_window is not None and self.candidate_window is None:
            # The set-up page comes back as the proctor left it, already unlocked.
            kept = self.start_window.form_state()
            self.show_start(kept)

    # -- the start screen

    def show_start(self, kept: dict[str, object] | None = None) -> QWidget:
        """The start screen; with `kept` (a set-up page's `form_state`), on that page, filled in."""
        from pocus_player.ui.start_window import StartWindow

        if self.start_window is not None:
            self.start_window.close()
            self.start_window.deleteLater()
        w = StartWindow(
            self.pin_store,
            self.exams,
            probe=_LazyProbe(self),
            results_dir=self.results_dir,
            min_free_mb=self.settings.min_free_mb,
            board_recipient=self.settings.board_recipient,
            signing_key=self.settings.board_signing_key,
            center_identity=self.settings.center_identity,
            problems=self.problems,
            unfinished=self.unfinished,
            practice=self.options.practice,
            audio_output=self.options.audio_output,
            preselect=self.preselect,
            prefill={
                "candidate_id": self.options.candidate_id,
                "candidate_name": self.options.candidate_name,
                "high_contrast": self.high_contrast,
                "large_text": self.text_scale >= 2.0,
            }
            | (kept or {}),
        )
        w.startRequested.connect(self.start_exam)
        w.resumeRequested.connect(self.resume_exam)
        w.settingsChanged.connect(self._on_settings_changed)
        w.localeRequested.connect(self.set_locale)
        self.start_window = w
        w.resize(1280, 800)
        w.show()
        w.raise_()
        w.activateWindow()
        if kept:
            w.open_setup()
        else:
            w.pin_prompt.focus()
        return w

    def _on_settings_changed(self) -> None:
        w = self.start_window
        self.high_contrast = w.high_contrast.isChecked()
        self.text_scale = 2.0 if w.large_text.isChecked() else self.options.text_scale
        self.apply_theme()

    # -- the exam

    def _build_exam(
        self,
        progress: ExamProgress,
        cases: list,  # type: ignore[type-arg]
        delivery: dict[str, object] | None = None,
    ) -> None:
        from pocus_player.media.engine import MediaEngine
        from pocus_player.media.policy import PlaybackPolicy
        from pocus_player.ui.candidate_window import CandidateWindow
        from pocus_player.ui.exam_controller import ExamController
        from pocus_player.ui.media_widget import MediaWidget

        # The candidate has no seek controls; the app itself seeks only to resume a clip.
        policy = PlaybackPolicy(seek_beyond_seen=True, frame_step=False)
        engine = MediaEngine(policy=policy, audio_output=self.options.audio_output)
        self.media_widget = MediaWidget(engine)
        recipient = self.settings.board_recipient
        assert recipient is not None
        self.controller = ExamController(
            progress,
            cases,
            media=self.media_widget,
            recipient=recipient,
            results_dir=self.results_dir,
            progress_store=self.progress_store,
            delivery=delivery,  # type: ignore[arg-type]
        )
        kiosk = (
            self.options.kiosk
            if self.options.kiosk is not None
            else (self.settings.kiosk and not progress.practice)
        )
        self.high_contrast = self.high_contrast or False
        self.text_scale = 2.0 if progress.large_text else self.text_scale
        self.apply_theme()
        self.candidate_window = CandidateWindow(
            self.controller,
            self.media_widget,
            kiosk=kiosk,
            text_scale=self.text_scale,
            captions_always=progress.captions_always,
            pin_store=self.pin_store,
        )
        self.candidate_window.proctor_panel.finishRequested.connect(self.finish_exam)
        if kiosk:
            self.candidate_window.showFullScreen()
        else:
            self.candidate_window.resize(1280, 800)
            self.candidate_window.show()
        self.candidate_window.raise_()
        self.candidate_window.activateWindow()
        if self.start_window is not None:
            self.start_window.hide()

    def start_exam(self, progress: ExamProgress) -> None:
        cases = list(self.start_window.loaded_cases) if self.start_window else []
        if len(cases) != len(progress.cases):
            self.start_window.show_error(
                self.tr("The cases were not all loaded; run the preflight again.")
            )
            return
        log.info("exam %s starting (%d case(s))", progress.exam_id, len(cases))
        self._build_exam(progress, cases, self.start_window.delivery)
        self.controller.prepare()

    def resume_exam(self, unfinished: UnfinishedSession) -> None:
        from pocus_player.core.errors import CaseValidationError
        from pocus_player.ui.exam_controller import load_exam_cases

        saved = self.progress_store.load()
        package = next(
            (e for e in self.exams if e.package is not None and saved and saved.exam_id == e.id),
            None,
        )
        if saved is not None and package is not None:
            self._resume_from_package(package, saved, unfinished)
            return
        progress = self._progress_for(unfinished)
        if progress is None:
            self.start_window.show_error(
                self.tr(
                    "The case “{case}” of the unfinished exam is not among the exams "
                    "on this computer, so it cannot be resumed here."
                ).format(case=unfinished.case_id)
            )
            return
        try:
            cases = load_exam_cases(progress.cases, self.probe)
        except CaseValidationError as exc:
            self.start_window.show_error(
                self.tr("The unfinished exam's case no longer validates: {problem}").format(
                    problem=exc.problems[0]
                )
            )
            return
        self._build_exam(progress, cases)
        if not self.controller.resume(unfinished):
            message = self.controller.fault_message
            self.close_exam()
            self.start_window.show()
            self.start_window.show_error(message)

    def _resume_from_package(
        self, exam: ExamDef, progress: ExamProgress, unfinished: UnfinishedSession
    ) -> None:
        """An unfinished sitting from a sealed package: the unlock is asked for again."""
        from pocus_player.ui.start_window import run_package_checks

        w = self.start_window
        assert exam.package is not None
        passphrase = w.ask_passphrase(w, exam.package.name)
        checks, cases, pkg = run_package_checks(
            exam,
            passphrase,
            self.settings.center_identity,
            self.settings.board_signing_key,
            progress.practice,
        )
        failed = [c for c in checks if not c.ok]
        if pkg is None or failed or len(cases) != len(progress.cases):
            reason = failed[0].detail if failed else self.tr("its cases differ from the exam begun")
            cannot = self.tr("The unfinished exam cannot be resumed: {reason}")
            w.show_error(cannot.format(reason=reason))
            if pkg is not None:
                from pocus_player.core.package import content

                content.unregister(pkg)
            return
        w.adopt_package(pkg)
        self._build_exam(progress, cases, w.delivery)
        if not self.controller.resume(unfinished):
            message = self.controller.fault_message
            self.close_exam()
            w.show()
            w.show_error(message)

    def _progress_for(self, u: UnfinishedSession) -> ExamProgress | None:
        from pocus_player.core.journal import _name_part

        saved = self.progress_store.load()
        if saved is not None and _name_part(saved.candidate_id) == u.candidate_id:
            index = saved.next_index
            if index < len(saved.cases) and _case_id_matches(saved.cases[index], u.case_id):
                return saved
        state = u.resume_state or {}
        for exam in self.exams:
            for path in exam.cases:
                if _case_id_matches(path, u.case_id):
                    return ExamProgress(
                        exam_id=f"resume-{u.session_id}",
                        exam_title=self.tr("Resumed exam"),
                        cases=(path,),
                        candidate_id=u.candidate_id,
                        candidate_name="",
                        time_multiplier=float(state.get("accommodation", 1.0)),
                        captions_always=False,
                        large_text=False,
                        practice=False,
                    )
        return None

    def close_exam(self) -> None:
        if self.controller is not None:
            self.controller.close()
            self.controller.engine.close()
        if self.candidate_window is not None:
            self.candidate_window.allow_close = True
            self.candidate_window.close()
            self.candidate_window.deleteLater()
        self.controller = None
        self.candidate_window = None
        self.media_widget = None
        if self.start_window is not None:
            self.start_window.forget_package()  # the sealed content is unreadable from here on

    def finish_exam(self) -> None:
        """The proctor leaves the exam (after it ended): back to the locked start screen."""
        self.close_exam()
        self.text_scale = self.options.text_scale
        self.apply_theme()
        QTimer.singleShot(0, self.show_start)

    def shutdown(self) -> None:
        self.close_exam()
        if self.start_window is not None:
            self.start_window.close()


class _LazyProbe:
    """Creates libvlc's prober on first use, so the start screen appears before libvlc loads."""

    def __init__(self, app: ExamApp) -> None:
        self._app = app

    def probe(self, path: Path):  # type: ignore[no-untyped-def]
        return self._app.probe.probe(path)

    def probe_full(self, path: Path):  # type: ignore[no-untyped-def]
        return self._app.probe.probe_full(path)


def _case_id_matches(path: Path, file_case_id: str) -> bool:
    """Does the case script at `path` have the id found in a journal's file name?"""
    from pocus_player.core.journal import _name_part

    try:
        for line in path.read_text(encoding="utf-8").splitlines()[:40]:
            s = line.strip()
            if s.startswith("id:"):
                return _name_part(s[3:].strip().strip("\"'")) == file_case_id
    except OSError:
        return False
    return False


def run(options: AppOptions) -> int:
    from pocus_player.core.process_guard import harden_process

    harden_process()  # the exam's memory holds decrypted content and responses
    app = create_qapp()
    exam_app = ExamApp(options)
    exam_app.show_start()
    code = app.exec()
    exam_app.shutdown()
    return int(code)


def options_with(options: AppOptions, **changes: object) -> AppOptions:
    return replace(options, **changes)  # type: ignore[arg-type]
