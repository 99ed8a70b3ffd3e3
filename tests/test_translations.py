"""The shipped translations: complete, placeholders intact, and compiled from the current sources.

Qt-free: the .ts files are read as XML; Qt's own tools (pyside6-lupdate and
pyside6-lrelease, from PySide6) rebuild them in a temporary folder to compare.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
TS_DIR = REPO / "translations"
QM_DIR = REPO / "pocus_player" / "ui" / "translations"
SOURCE = "en"

# Qt's %1 and %L1, Python's {name} and {0:.1f}; %n is checked on its own (a singular
# form may spell the number out: "El marcador ya está colocado").
PLACEHOLDER = re.compile(r"%L?\d+|\{[^{}]*\}")


def ts_files() -> list[Path]:
    return sorted(TS_DIR.glob("pocus_player_*.ts"))


def languages() -> list[Path]:
    return [p for p in ts_files() if not p.stem.endswith(f"_{SOURCE}")]


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def forms(message: ET.Element) -> list[str]:
    """The translated text of a message: one string, or each plural form."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


def problems_of(context: str, message: ET.Element) -> list[str]:
    source = message.findtext("source", "")
    where = f"{context}: {source[:60]!r}"
    translation = message.find("translation")
    assert translation is not None
    found = []
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        found.append(f"{where} is {translation.get('type')}")
    texts = forms(message)
    if not texts or not all(t.strip() for t in texts):
        found.append(f"{where} has an empty translation")
    wanted = Counter(PLACEHOLDER.findall(source))
    for text in texts:
        if Counter(PLACEHOLDER.findall(text)) != wanted:
            found.append(f"{where}: placeholders {sorted(wanted)} become {text!r}")
        if "%n" in text and "%n" not in source:
            found.append(f"{where}: %n in a translation of a message without it")
    if "%n" in source and texts and "%n" not in texts[-1]:
        found.append(f"{where}: the last plural form lost %n")
    if source.count("&") - 2 * source.count("&&") > 0 and not any("&" in t for t in texts):
        found.append(f"{where}: the keyboard shortcut (&) is lost")
    return found


@pytest.mark.parametrize("ts", languages(), ids=lambda p: p.stem)
def test_every_message_has_a_finished_translation_with_its_placeholders(ts: Path) -> None:
    found = [p for context, m in messages(ts) for p in problems_of(context, m)]
    assert found == []
    assert len(messages(ts)) > 150  # the interface's strings, not a stub


def test_spanish_and_the_pseudo_locale_translate_the_same_messages() -> None:
    def keys(ts: Path) -> set[tuple[str, str]]:
        return {(c, m.findtext("source", "")) for c, m in messages(ts)}

    spanish, pseudo = TS_DIR / "pocus_player_es.ts", TS_DIR / "pocus_player_pseudo.ts"
    assert keys(spanish) == keys(pseudo)


def test_english_holds_exactly_the_plural_forms() -> None:
    english = TS_DIR / f"pocus_player_{SOURCE}.ts"
    found = [p for context, m in messages(english) for p in problems_of(context, m)]
    assert found == []
    spanish = {(c, m.findtext("source")) for c, m in messages(TS_DIR / "pocus_player_es.ts")
               if m.get("numerus") == "yes"}
    assert {(c, m.findtext("source")) for c, m in messages(english)} == spanish
    assert all(m.get("numerus") == "yes" for _c, m in messages(english))


def test_every_message_counting_with_percent_n_is_a_plural_message() -> None:
    # lupdate marks a message as plural only from self.tr(text, disambiguation, n): a
    # QCoreApplication.translate(..., n) is collected as a plain message, and %n would
    # then never take its plural forms.
    plain = [
        f"{c}: {m.findtext('source')!r}"
        for c, m in messages(TS_DIR / "pocus_player_es.ts")
        if "%n" in m.findtext("source", "") and m.get("numerus") != "yes"
    ]
    assert plain == []


def _update_script() -> ModuleType:
    path = REPO / "scripts/update-translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pseudo_locale_keeps_placeholders_and_grows_a_third() -> None:
    pseudo = _update_script().pseudo
    text = "Place up to %n markers, {count} of them at %1 (&Unlock) <b>now</b>"
    out = pseudo(text)
    for kept in ("%n", "{count}", "%1", "<b>", "</b>", "&"):
        assert kept in out
    def words(t: str) -> str:
        return re.sub(r"%\w+|\{[^}]*\}|<[^>]*>", "", t)

    assert not re.search(r"[A-Za-z]{3,}", words(out))
    prose = "Type the new PIN again to confirm it"
    assert len(pseudo(prose)) >= 1.3 * len(prose)
    # The whole interface, placeholders and all, a third longer on average.
    pseudo_ts = TS_DIR / "pocus_player_pseudo.ts"
    pairs = [(m.findtext("source", ""), forms(m)[0]) for _c, m in messages(pseudo_ts)]
    assert sum(len(t) for _s, t in pairs) >= 1.3 * sum(len(s) for s, _t in pairs)


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it comes with PySide6")
    return found


@pytest.mark.parametrize("ts", ts_files(), ids=lambda p: p.stem)
def test_the_committed_qm_files_are_compiled_from_the_ts_files(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / f"{ts.stem}.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    committed = QM_DIR / f"{ts.stem}.qm"
    assert committed.is_file(), f"{committed} is missing: run scripts/update-translations.py"
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is stale: run scripts/update-translations.py"
    )


def test_the_ts_files_hold_every_string_of_the_current_sources() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts/update-translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
