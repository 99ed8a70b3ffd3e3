"""The interface language in the settings file: kept, written back, and a wrong value reported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from pocus_player.core.settings_store import SettingsStore, app_dirs


def test_the_locale_round_trips_and_defaults_to_the_system(tmp_path: Path) -> None:
    store = SettingsStore(app_dirs(tmp_path))
    loaded = store.load()
    assert loaded.settings.locale == ""  # the system's language
    store.save(replace(loaded.settings, locale="es"))
    again = store.load()
    assert again.settings.locale == "es" and again.problems == ()


def test_a_locale_that_is_not_text_is_reported_and_ignored(tmp_path: Path) -> None:
    dirs = app_dirs(tmp_path)
    store = SettingsStore(dirs)
    data = store.load().settings.to_json()
    data["locale"] = 34
    store.path.write_text(json.dumps(data), encoding="utf-8")
    loaded = store.load()
    assert loaded.settings.locale == ""
    assert any("'locale'" in p for p in loaded.problems)
