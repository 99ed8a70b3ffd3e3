"""The interface in another language: Spanish on screen, no English left under the pseudo-locale.

Widgets read their text when they are built, so each test installs a locale first
and builds the widgets after; the source language is put back afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from pocus_player.core.case_map import graph_edges
from pocus_player.core.model import MediaKind
from pocus_player.core.pin import PinStore, ScryptParams
from pocus_player.core.settings_store import ExamDef
from pocus_player.ui import i18n
from pocus_player.ui.captions_view import CaptionOverlay, TranscriptDrawer
from pocus_player.ui.pin_prompt import PinPrompt
from pocus_player.ui.proctor_panel import ProctorPanel
from pocus_player.ui.questions import create_question_widget
from pocus_player.ui.questions.caliper import format_measurement
from tests.ui.i18n_support import case_content, english_left, screen_texts
from tests.ui.questions_support import demo_case, gray_image, show

DEMO_CASES = ("cardiac-effusion", "fast-trauma", "lung-dyspnea")


@pytest.fixture
def use_locale(qapp: QApplication) -> Iterator[Callable[[str], str]]:
    yield lambda locale: i18n.install(locale, qapp)
    i18n.install(i18n.SOURCE_LOCALE, qapp)


class FakeController(QObject):
    """What the proctor panel reads of the exam controller, for a case not yet started."""

    problem = Signal(str)
    notice = Signal(str)
    phaseChanged = Signal(object)
    timeChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.session = None
        self.phase = None
        self.fault_message = ""
        self.case = demo_case("fast-trauma")
        self.case_index, self.case_count = 0, 3
        self.progress = SimpleNamespace(
            candidate_name="Ana Ruiz", candidate_id="C-042", time_multiplier=1.25
        )

    def time_remaining(self) -> float:
        return 754.0

    def proctor_add_time(self, _minutes: int) -> bool:
        return True

    def proctor_incident(self, _category: str, _note: str) -> bool:
        return True


def pin_prompt(tmp_path, new: bool) -> PinPrompt:  # type: ignore[no-untyped-def]
    store = PinStore(tmp_path / "pin.json", params=ScryptParams(n=2**10))
    if not new:
        store.set_pin("2468")
    return PinPrompt(store, purpose="", cancellable=True)


def test_the_shipped_locales() -> None:
    assert i18n.available_locales() == ("en", "es", "pseudo")
    assert i18n.resolve_locale("es_MX") == "es"
    assert i18n.resolve_locale("", system="es_ES") == "es"
    assert i18n.resolve_locale("fr") == "en"
    names = [i18n.language_name(code) for code in i18n.available_locales()]
    assert names == ["English", "Español", "Pseudo-locale (test)"]
    assert i18n.language_name("fr") == "Français"


def test_spanish_pin_prompt_and_proctor_panel(qtbot, tmp_path, use_locale) -> None:  # type: ignore[no-untyped-def]
    assert use_locale("es") == "es"
    prompt = pin_prompt(tmp_path, new=False)
    qtbot.addWidget(prompt)
    assert prompt.title.text() == "PIN del supervisor"
    assert prompt.ok.text() == "&Desbloquear"
    assert prompt.pin.accessibleName() == "PIN del supervisor"
    assert prompt._lockout_text(1) == (
        "Demasiados PIN incorrectos. Vuelva a intentarlo dentro de 1 segundo."
    )
    assert prompt._lockout_text(30).endswith("dentro de 30 segundos.")

    controller = FakeController()
    panel = ProctorPanel(controller)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.title.text() == "Panel del supervisor"
    assert panel.pause_button.text() == "&Pausar examen"
    assert panel.category.itemText(1) == "Candidato indispuesto"
    assert panel.category.itemData(1) == "Candidate unwell"  # the result file keeps English
    assert "sin empezar" in panel.status.text()
    assert "multiplicador de tiempo 1,25" in panel.status.text()  # Spanish decimal comma
    panel.minutes.setValue(1)
    panel._add_time()
    panel.minutes.setValue(5)
    panel._add_time()
    items = [panel.log_list.item(i).text() for i in range(panel.log_list.count())]
    assert items == ["1 minuto añadido.", "5 minutos añadidos."]
    # Numbers and Qt's own strings follow the language too.
    assert format_measurement(Decimal("2.4"), "cm") == "2,4 cm"
    assert QLocale().toString(1234.5, "f", 1) == "1234,5"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_english_plural_forms(qtbot, tmp_path, use_locale) -> None:  # type: ignore[no-untyped-def]
    use_locale("en")
    prompt = pin_prompt(tmp_path, new=False)
    qtbot.addWidget(prompt)
    assert prompt._lockout_text(1) == "Too many wrong PINs. Try again in 1 second."
    assert prompt._lockout_text(2) == "Too many wrong PINs. Try again in 2 seconds."


def test_spanish_question_widgets(qtbot, use_locale) -> None:  # type: ignore[no-untyped-def]
    use_locale("es")
    case = demo_case("fast-trauma")
    order = case.question_by_id("q-fast-order")
    w = show(qtbot, create_question_widget(order, case))
    assert w._keep.text() == "Mantener este orden"
    assert w._instructions.text().startswith("Ordene los elementos")


# -- the pseudo-locale: nothing left in English -------------------------------------
#
# Each entry builds one screen part under the pseudo-locale and says what case content
# it shows (never translated). To cover a window, add a builder here.


def _pin_prompts(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    host = QWidget()
    layout = QVBoxLayout(host)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    layout.addWidget(pin_prompt(tmp_path / "a", new=True))
    layout.addWidget(pin_prompt(tmp_path / "b", new=False))
    return host, []


def _proctor_panel(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    controller = FakeController()
    panel = ProctorPanel(controller)  # type: ignore[arg-type]
    panel.refresh()
    panel._add_time()
    panel._incident()
    content = ["Ana Ruiz", "C-042", *case_content(controller.case)]
    return panel, content


def _captions(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    host = QWidget()
    layout = QVBoxLayout(host)
    drawer = TranscriptDrawer(host)
    drawer.set_content("")
    layout.addWidget(drawer)
    layout.addWidget(CaptionOverlay(host))
    return host, []


def _demo_exams() -> list[ExamDef]:
    from pocus_player import resources

    cases = sorted(resources.demo_cases())
    return [
        ExamDef(id="demo-certificate", title="Demo certificate", cases=tuple(cases)),
        ExamDef(id=cases[0].stem, title="Demo case", cases=(cases[0],)),
    ]


def _setup_page(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    from pocus_player.ui.start_setup import SetupPage

    exams = _demo_exams()
    page = SetupPage(exams, practice=False, preselect=None)
    page.update_exam_cases()
    names = [i18n.language_name(code) for code in i18n.available_locales()]
    content = [e.title for e in exams] + [p.stem for e in exams for p in e.cases] + names
    return page.page, content


def _setup_page_messages(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    # What the page says when a field is missing, shown as the start window shows it.
    from pocus_player.ui.forms import show_message
    from pocus_player.ui.start_setup import SetupPage

    page = SetupPage([], practice=True, preselect=None)
    page.update_exam_cases()
    problem = page.problem()
    assert problem is not None
    show_message(page.message, problem[0])
    names = [i18n.language_name(code) for code in i18n.available_locales()]
    return page.page, names


def _resume_page(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    from pocus_player.core.resume import UnfinishedSession
    from pocus_player.ui.start_resume import ResumePage

    unfinished = UnfinishedSession(
        session_id="abcdefgh",
        journal_path=tmp_path / "j.pocusresult",
        resume_path=tmp_path / "j.resume",
        case_id="fast-trauma",
        candidate_id="C-042",
        started="20260115T093000Z",
        last_seq=3,
        last_kind="submit",
        resume_state=None,
    )
    page = ResumePage()
    page.fill([unfinished])
    return page.page, ["fast-trauma", "C-042"]


def _preflight_page(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    from pocus_player.ui.readiness import Check, board_key_check
    from pocus_player.ui.start_preflight import PreflightPage

    page = PreflightPage(audio_output="dummy")
    page.show_checking("Demo case")
    checks = [
        Check(QCoreApplication.translate("ExamChecks", "Case {case}").format(case="x"), False, "x"),
        board_key_check(None),
        Check("x", True, "x", warning=True),
    ]
    page.show_checks(checks)
    return page, ["Demo case"]


def _preview_window(qtbot, tmp_path) -> tuple[QWidget, list[str]]:  # type: ignore[no-untyped-def]
    # Over the null engine (no pictures decoded), following the case to its first questions.
    from pocus_player.media.engine_api import State
    from pocus_player.media.null_engine import NullEngine
    from pocus_player.ui.preview_window import PreviewWindow
    from tests.core.test_lint import ManifestProbe, content_copy

    probe = ManifestProbe()
    engine = NullEngine(probe)
    window = PreviewWindow(content_copy(tmp_path), probe=probe, engine=engine, watch=False)
    qtbot.addWidget(window)
    window.start_follow()
    qtbot.waitUntil(lambda: engine.state is State.PLAYING, timeout=3000)
    with qtbot.waitSignal(window.followChanged, timeout=3000):
        engine.advance(4.1)
    assert window.question_widgets()
    case = window.case
    assert case is not None
    content = list(case_content(case))
    for q in case.questions:
        content += case_content(case, q)
    for step in case.steps:
        content += [step.id, step.title or "", step.instructions or ""]
        content += [cp.id for cp in step.checkpoints] + [cp.title or "" for cp in step.checkpoints]
    content += [m.id for m in case.media] + [m.title or "" for m in case.media]
    content += [str(window.case_path.name), "pocus-player"]
    content += [e.label for e in graph_edges(case) if e.kind == "rule"]  # the author's words
    content += [w.accessibleDescription() for w in window.findChildren(CaptionOverlay)]
    content += ["Scroll Left", "Scroll Right"]  # Qt's own (its tab bar): Qt translates those

    content += [kind.value for kind in MediaKind]  # the case script's own words for media
    return window, sorted({c for c in content if c}, key=len, reverse=True)


SCREEN_PARTS = {
    "pin prompts": _pin_prompts,
    "proctor panel": _proctor_panel,
    "captions and transcript": _captions,
    "set-up page": _setup_page,
    "set-up page with a message": _setup_page_messages,
    "resume page": _resume_page,
    "preflight page": _preflight_page,
    "preview window": _preview_window,
}


@pytest.mark.parametrize("part", sorted(SCREEN_PARTS))
def test_pseudo_locale_leaves_no_english(qtbot, tmp_path, use_locale, part: str) -> None:  # type: ignore[no-untyped-def]
    use_locale(i18n.PSEUDO_LOCALE)
    root, content = SCREEN_PARTS[part](qtbot, tmp_path)
    show(qtbot, root)
    found = english_left(screen_texts(root), content)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("case_name", DEMO_CASES)
def test_pseudo_locale_leaves_no_english_in_questions(qtbot, use_locale, case_name: str) -> None:  # type: ignore[no-untyped-def]
    use_locale(i18n.PSEUDO_LOCALE)
    case = demo_case(case_name)
    for question in case.questions:
        image = gray_image() if question.image is not None else None
        w = show(qtbot, create_question_widget(question, case, image))
        for show_key in (False, True):
            w.set_show_key(show_key)
            found = english_left(screen_texts(w), case_content(case, question))
            assert found == [], question.id


def test_the_walk_finds_english(qtbot, use_locale) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QPushButton

    use_locale(i18n.PSEUDO_LOCALE)
    host = QWidget()
    QLabel("Left in English", host)
    button = QPushButton(QCoreApplication.translate("ProctorPanel", "Add time"), host)
    button.setToolTip("A plain tooltip")
    found = english_left(screen_texts(host), ["Left in English"])
    assert found == ["QPushButton tooltip: 'A plain tooltip' (plain: plain, tooltip)"]


# -- the application: --locale, the settings, and the proctor's choice --------------


def test_the_app_starts_in_the_locale_asked_for_and_keeps_the_choice(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from pocus_player.core.settings_store import SettingsStore
    from pocus_player.ui.app import ExamApp
    from pocus_player.ui.app_cli import add_subparser, options_from_args

    parser = argparse.ArgumentParser()
    add_subparser(parser.add_subparsers())
    args = parser.parse_args(["app", "--locale", "es", "--config-dir", str(tmp_path / "cfg")])
    options = options_from_args(args)
    assert options.locale == "es"
    try:
        app = ExamApp(options)
        assert app.locale == i18n.current_locale() == "es"
        window = app.show_start()
        qtbot.addWidget(window)
        assert window.pin_prompt.title.text() in ("Establecer el PIN del supervisor", "PIN del supervisor")
        # The proctor's choice (the set-up screen calls this) is kept in the settings.
        app.set_locale("en")
        assert app.start_window.pin_prompt.title.text() in ("Set the proctor PIN", "Proctor PIN")
        assert SettingsStore(app.dirs).load().settings.locale == "en"
        # Without --locale, the settings' choice.
        app.shutdown()
        app = ExamApp(options_from_args(parser.parse_args(["app", "--config-dir", str(tmp_path / "cfg")])))
        assert app.locale == "en"
        app.shutdown()
    finally:
        i18n.install(i18n.SOURCE_LOCALE, qapp)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_pseudo_locale_text_is_not_cut_off_at_the_minimum_display(qtbot, use_locale, scale: float) -> None:  # type: ignore[no-untyped-def]
    # A third longer text at 1024x768: every label still shows all of its lines.
    from tests.ui.questions_support import clipped_labels

    use_locale(i18n.PSEUDO_LOCALE)
    for case_name in DEMO_CASES:
        case = demo_case(case_name)
        for question in case.questions:
            image = gray_image() if question.image is not None else None
            w = show(qtbot, create_question_widget(question, case, image), 1024, 640)
            w.set_text_scale(scale)
            qtbot.waitUntil(lambda w=w: not clipped_labels(w))
            assert w._content.width() <= w._scroll.viewport().width()  # no sideways scrolling
            w.close()


def test_pseudo_locale_proctor_panel_fits_at_200_percent(qtbot, qapp, use_locale) -> None:  # type: ignore[no-untyped-def]
    from pocus_player.ui import theme
    from tests.ui.questions_support import clipped_labels

    use_locale(i18n.PSEUDO_LOCALE)
    theme.apply(qapp, high_contrast=False, scale=2.0)
    try:
        panel, _content = _proctor_panel(qtbot, None)
        show(qtbot, panel, 1024, 768)
        qtbot.waitUntil(lambda: not clipped_labels(panel))
        assert panel.minimumSizeHint().width() <= 1024
    finally:
        theme.apply(qapp)
        qapp.setStyleSheet("")


def test_the_cut_off_check_finds_a_label_and_a_button_too_narrow(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QPushButton

    from tests.ui.i18n_support import cut_off_texts

    host = QWidget()
    layout = QVBoxLayout(host)
    fits = QLabel("Short")
    narrow = QLabel("A label a good deal wider than forty pixels")
    narrow.setFixedWidth(40)
    button = QPushButton("A button a good deal wider than forty pixels")
    button.setFixedWidth(40)
    for w in (fits, narrow, button):
        layout.addWidget(w)
    show(qtbot, host, 400, 200)
    found = cut_off_texts(host)
    assert len(found) == 2
    assert found[0].startswith("QLabel") and found[1].startswith("QPushButton")


def test_the_set_up_page_switches_the_language_and_keeps_the_form(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pocus_player.ui.app import AppOptions, ExamApp
    from tests.ui.app_support import PIN, make_pin

    make_pin(tmp_path / "cfg")
    app = ExamApp(
        AppOptions(config_dir=tmp_path / "cfg", results_dir=tmp_path / "r", kiosk=False)
    )
    try:
        start = app.show_start()
        qtbot.addWidget(start)
        start.pin_prompt.pin.setText(PIN)
        start.pin_prompt.ok.click()
        setup = start.setup
        codes = [setup.language.itemData(i) for i in range(setup.language.count())]
        names = [setup.language.itemText(i) for i in range(setup.language.count())]
        assert codes == list(i18n.available_locales())
        assert names == [i18n.language_name(code) for code in codes]
        assert setup.language.currentData() == i18n.current_locale() == "en"
        assert setup.preflight_button.text() == "Run the &preflight checks"
        # The proctor fills in the form, then picks Spanish.
        setup.exam_combo.setCurrentIndex(setup.exam_combo.count() - 1)
        exam = setup.selected_exam()
        start.candidate_id.setText("C-042")
        start.candidate_name.setText("Ana Ruiz")
        setup.multiplier.setCurrentIndex(2)
        multiplier = setup.multiplier.currentData()
        start.captions_always.setChecked(True)
        start.practice.setChecked(True)
        setup.language.setCurrentIndex(codes.index("es"))
        setup.language.activated.emit(codes.index("es"))
        assert i18n.current_locale() == "es" and app.locale == "es"
        rebuilt = app.start_window
        assert rebuilt is not start
        qtbot.addWidget(rebuilt)
        # Built again in Spanish, on the set-up page (no second PIN), as the proctor left it.
        assert rebuilt.pages.currentWidget() is rebuilt.setup_page
        assert rebuilt.setup.preflight_button.text() == "Hacer las comprobaciones &previas"
        assert rebuilt.setup.language.currentData() == "es"
        assert rebuilt.selected_exam() == exam
        assert rebuilt.candidate_id.text() == "C-042"
        assert rebuilt.candidate_name.text() == "Ana Ruiz"
        assert rebuilt.multiplier.currentData() == multiplier
        assert rebuilt.captions_always.isChecked() and rebuilt.practice.isChecked()
        assert "× tiempo" in rebuilt.multiplier.currentText()
        from pocus_player.core.settings_store import SettingsStore

        assert SettingsStore(app.dirs).load().settings.locale == "es"
    finally:
        app.shutdown()
        i18n.install(i18n.SOURCE_LOCALE, qapp)
