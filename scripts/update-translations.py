#!/usr/bin/env python3
"""Refresh the interface's translations: lupdate over the ui sources, the pseudo-locale, lrelease.

    python scripts/update-translations.py           update translations/*.ts and the .qm files
    python scripts/update-translations.py --check   change nothing; exit 1 if anything is stale

1. `pyside6-lupdate` reads every module of pocus_player/ui and updates each
   translations/pocus_player_<locale>.ts: new strings arrive unfinished, strings no
   longer in the code are dropped (-no-obsolete). Source line numbers are left out
   (-locations none), so moving code does not touch the translations.
   translations/pocus_player_en.ts holds only the messages with plural forms (%n), which
   English needs too ("1 minute", "5 minutes").
2. translations/pocus_player_pseudo.ts is written from the same messages: each one
   accented, its vowels doubled (about a third longer), placeholders kept.
3. `pyside6-lrelease` compiles each .ts into pocus_player/ui/translations/<name>.qm,
   the files the application loads (pocus_player/ui/i18n.py).

The tools come with PySide6 (next to this interpreter, or on PATH). See docs/translations.md.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS_DIR = REPO / "translations"
QM_DIR = REPO / "pocus_player" / "ui" / "translations"
SOURCES = REPO / "pocus_player" / "ui"
CATALOGUE = "pocus_player"
PSEUDO = "pseudo"
SOURCE = "en"

# What the pseudo-locale keeps as it is: Qt's %1/%L1/%n, Python's {name} and {0:.1f},
# markup tags and entities, and a doubled && (a literal ampersand in a button's text).
_KEEP = re.compile(r"%L?\d+|%L?n|\{[^{}]*\}|<[^>]*>|&[a-z]+;|&&")
_ACCENTED = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "áƀçďéƒĝĥíĵķĺḿñöþʠŕšţüṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹḾÑÖÞǪŔŠŢÜṼŴẊÝŽ",
        strict=True,
    )
)
_VOWELS = set("aeiouyAEIOUY")


def tool(name: str) -> str:
    """A PySide6 tool: beside this interpreter (a venv's bin), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def pseudo(text: str) -> str:
    """`text` accented and about a third longer, in brackets; placeholders untouched."""
    out: list[str] = []
    pos = 0
    for kept in _KEEP.finditer(text):
        out.append(_stretch(text[pos : kept.start()]))
        out.append(kept.group())
        pos = kept.end()
    out.append(_stretch(text[pos:]))
    return "[" + "".join(out) + "]"


def _stretch(plain: str) -> str:
    return "".join(_ACCENTED.get(c, c) * (2 if c in _VOWELS else 1) for c in plain)


def english_plurals(english_ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the English plural forms ("%n minute added.", "%n minutes added.")."""
    if not english_ts.is_file():
        return {}
    plurals = {}
    for context in ET.parse(english_ts).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name", ""), message.findtext("source", ""))
            plurals[key] = [f.text or key[1] for f in message.iter("numerusform")]
    return plurals


def pseudo_ts(source_ts: Path, english_ts: Path) -> str:
    """The pseudo-locale's .ts: every message of `source_ts`, translated by `pseudo`.

    A plural message is pseudo-translated from its English forms, so the pseudo-locale
    shows "1 minute" and "5 minutes" as English does, not the source's "minute(s)".
    """
    plurals = english_plurals(english_ts)
    tree = ET.parse(source_ts)
    root = tree.getroot()
    root.set("language", "en_US")  # plural rules (and .qm metadata) of the source language
    root.attrib.pop("sourcelanguage", None)
    for context in root.iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name", ""), message.findtext("source", ""))
            _pseudo_message(message, plurals.get(key))
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def _pseudo_message(message: ET.Element, english_forms: list[str] | None) -> None:
    source = message.findtext("source", "")
    translation = message.find("translation")
    assert translation is not None
    translation.attrib.clear()
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        translation.text = None
        for text in english_forms or [source, source]:
            form = ET.SubElement(translation, "numerusform")
            form.text = pseudo(text)
    else:
        translation.text = pseudo(source)


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in SOURCES.rglob("*.py"))


def language_files(ts_dir: Path) -> list[Path]:
    return sorted(p for p in ts_dir.glob(f"{CATALOGUE}_*.ts") if p.stem != f"{CATALOGUE}_{PSEUDO}")


def update(ts_dir: Path, qm_dir: Path) -> None:
    """Steps 1-3 of the module docstring, writing into `ts_dir` and `qm_dir`."""
    languages = language_files(ts_dir)
    if not languages:
        raise SystemExit(f"no {CATALOGUE}_<locale>.ts in {ts_dir}")
    for ts in languages:
        # English is the source language: its file only holds the plural forms of %n.
        only_plurals = ["-pluralonly"] if ts.stem == f"{CATALOGUE}_{SOURCE}" else []
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             *only_plurals, *ui_sources(), "-ts", str(ts)],
            cwd=REPO,
            check=True,
        )
    complete = [ts for ts in languages if ts.stem != f"{CATALOGUE}_{SOURCE}"]
    if not complete:
        raise SystemExit(f"no translation other than English in {ts_dir}")
    pseudo_file = ts_dir / f"{CATALOGUE}_{PSEUDO}.ts"
    english = ts_dir / f"{CATALOGUE}_{SOURCE}.ts"
    pseudo_file.write_text(pseudo_ts(complete[0], english), encoding="utf-8")
    qm_dir.mkdir(parents=True, exist_ok=True)
    for ts in [*languages, pseudo_file]:
        compile_qm(ts, qm_dir / f"{ts.stem}.qm")


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def check() -> list[str]:
    """The files `update` would change (it runs on copies)."""
    with tempfile.TemporaryDirectory() as tmp:
        ts_dir, qm_dir = Path(tmp, "ts"), Path(tmp, "qm")
        shutil.copytree(TS_DIR, ts_dir)
        update(ts_dir, qm_dir)
        stale = []
        for fresh in sorted([*ts_dir.glob("*.ts"), *qm_dir.glob("*.qm")]):
            committed = (TS_DIR if fresh.suffix == ".ts" else QM_DIR) / fresh.name
            if not committed.is_file() or not filecmp.cmp(fresh, committed, shallow=False):
                stale.append(str(committed.relative_to(REPO)))
        return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        if stale:
            print("run: python scripts/update-translations.py", file=sys.stderr)
        return 1 if stale else 0
    update(TS_DIR, QM_DIR)
    for ts in sorted(TS_DIR.glob("*.ts")):
        print(f"{ts.relative_to(REPO)} -> {(QM_DIR / (ts.stem + '.qm')).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
