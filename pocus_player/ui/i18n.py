"""The interface's language: the locales that ship, and the Qt translators that put one in place.

Widgets mark their text with `self.tr(...)` (QObject subclasses) or
`QCoreApplication.translate(context, ...)`; `pyside6-lupdate` gathers it into
`translations/pocus_player_<locale>.ts` and `pyside6-lrelease` compiles those into
the `.qm` files beside this module (`scripts/update-translations.py` runs both;
docs/translations.md). Case content is never translated: it stays in the language
its author wrote.

"pseudo" is a generated locale, not a language: every message accented and about a
third longer, placeholders kept, so English left untranslated and labels too narrow
for a longer language both show at a glance (tests/ui/test_i18n.py and
tests/ui/test_i18n_screens.py).


Widgets read their text once, when they are built: after `install` a screen already
on show keeps its language until it is built again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).resolve().parent / "translations"
CATALOGUE = "pocus_player"  # pocus_player_<locale>.qm
SOURCE_LOCALE = "en"  # the language the interface is written in
PSEUDO_LOCALE = "pseudo"
# Number and date formats under the pseudo-locale: the source language's.
_PSEUDO_FORMATS = "en_US"

# Qt names a language after its default country ("Español de España"); a selector wants
# the language alone. Other languages fall back to Qt's name.
_NAMES = {"en": "English", "es": "Español"}

# Kept referenced: Qt does not own an installed translator, and Python would free it.
_installed: list[QTranslator] = []
_current = SOURCE_LOCALE


def available_locales() -> tuple[str, ...]:
    """The source language, every shipped translation, and the pseudo-locale last."""
    shipped = sorted(
        p.stem.removeprefix(f"{CATALOGUE}_")
        for p in QM_DIR.glob(f"{CATALOGUE}_*.qm")
        if p.stem not in (f"{CATALOGUE}_{PSEUDO_LOCALE}", f"{CATALOGUE}_{SOURCE_LOCALE}")
    )
    has_pseudo = (QM_DIR / f"{CATALOGUE}_{PSEUDO_LOCALE}.qm").is_file()
    return (SOURCE_LOCALE, *shipped, *((PSEUDO_LOCALE,) if has_pseudo else ()))


def language_name(locale: str) -> str:
    """What a language selector shows for `locale`: the language's own name ("Español")."""
    if locale == PSEUDO_LOCALE:
        return "Pseudo-locale (test)"  # a developer's tool: never translated
    if locale in _NAMES:
        return _NAMES[locale]
    name = QLocale(locale).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else locale


def resolve_locale(requested: str | None, system: str | None = None) -> str:
    """The shipped locale to use for `requested` ("" or None: the system's language).

    "es_MX" finds "es" when only that ships; anything not shipped falls back to the
    source language.
    """
    wanted = (requested or system or QLocale.system().name()).replace("-", "_")
    known = available_locales()
    for candidate in (wanted, wanted.split("_", 1)[0]):
        if candidate in known:
            return candidate
    if requested:
        log.warning("no translation for locale %r; the interface stays in English", requested)
    return SOURCE_LOCALE


def current_locale() -> str:
    """The locale `install` put in place last (the source language before any)."""
    return _current


def install(locale: str, app: QCoreApplication | None = None) -> str:
    """Replace any translators installed before with `locale`'s; the locale now in effect.

    Also Qt's own strings (the buttons of its dialogs, context menus) where PySide6
    ships them, and `QLocale`'s default, so numbers and times follow the language.
    """
    global _current
    app = app if app is not None else QCoreApplication.instance()
    locale = resolve_locale(locale)
    if app is None:  # nothing to translate yet
        return locale
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    formats = QLocale(_PSEUDO_FORMATS if locale == PSEUDO_LOCALE else locale)
    QLocale.setDefault(formats)
    # English too has a catalogue: the plural forms of its %n messages ("1 minute").
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{locale}", str(QM_DIR)):
        _installed.append(ours)
    else:
        log.warning("the %s translation in %s cannot be read", locale, QM_DIR)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if locale not in (SOURCE_LOCALE, PSEUDO_LOCALE) and qt_own.load(formats, "qtbase", "_", qt_dir):
        _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    _current = locale
    log.info("interface language: %s", locale)
    return locale

