"""Settings, folders, the exam list and exam progress: missing or damaged files never crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.core.settings_store import (
    AppSettings,
    ExamDef,
    ExamProgress,
    ProgressStore,
    SettingsStore,
    app_dirs,
    check_results_dir,
    demo_exams,
    results_dir_for,
)


def test_folders_default_to_platformdirs_and_can_be_overridden(tmp_path: Path) -> None:
    d = app_dirs()
    assert "pocus-player" in str(d.config) and "pocus-player" in str(d.results)
    assert d.results.name == "results"
    o = app_dirs(tmp_path / "c", tmp_path / "r")
    assert o.config == tmp_path / "c" and o.results == tmp_path / "r"
    assert o.logs == tmp_path / "c" / "logs"
    assert o.pin_file.parent == o.settings_file.parent == o.config


def test_a_missing_settings_file_is_created_with_defaults(tmp_path: Path) -> None:
    store = SettingsStore(app_dirs(tmp_path))
    loaded = store.load()
    assert loaded.created and not loaded.problems
    assert loaded.settings.board_recipient == resources.demo_board_recipient()
    assert json.loads(store.path.read_text())["format"] == "pocus-settings/1"
    again = store.load()
    assert not again.created and again.settings == loaded.settings


@pytest.mark.parametrize(
    "content", [b"{broken", b"[1, 2]", b'{"format": "something-else"}', b"\xff\xfe\x00"]
)
def test_a_damaged_settings_file_is_set_aside_with_a_plain_message(
    tmp_path: Path, content: bytes
) -> None:
    dirs = app_dirs(tmp_path / "cfg")
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_bytes(content)
    loaded = SettingsStore(dirs).load()
    assert loaded.settings.board_recipient == resources.demo_board_recipient()
    assert len(loaded.problems) == 1 and "damaged" in loaded.problems[0]
    aside = list(dirs.config.glob("settings.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert SettingsStore(dirs).load().problems == ()  # defaults were written back


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    dirs = app_dirs(tmp_path / "cfg")
    dirs.config.mkdir(parents=True)
    dirs.settings_file.write_text(
        json.dumps(
            {
                "format": "pocus-settings/1",
                "board_recipient": "keys/board.pub",
                "min_free_mb": "lots",
                "kiosk": "yes",
                "default_time_multiplier": 3,
                "exams": [
                    {"id": "cert", "title": "Cert", "cases": ["a.yaml", "b.yaml"]},
                    {"title": "no id"},
                ],
            }
        )
    )
    loaded = SettingsStore(dirs).load()
    s = loaded.settings
    assert s.board_recipient == dirs.config / "keys" / "board.pub"  # relative to the config
    assert s.min_free_mb == 100 and s.kiosk is True and s.default_time_multiplier == 1.0
    assert s.exams == (ExamDef("cert", "Cert", (dirs.config / "a.yaml", dirs.config / "b.yaml")),)
    assert len(loaded.problems) == 4
    assert any("Exam 2" in p for p in loaded.problems)


def test_settings_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(app_dirs(tmp_path))
    s = AppSettings(
        board_recipient=tmp_path / "b.pub",
        results_dir=tmp_path / "res",
        min_free_mb=5,
        kiosk=False,
        exams=(ExamDef("x", "X", (tmp_path / "x.yaml",)),),
        default_time_multiplier=1.5,
    )
    store.save(s)
    assert store.load().settings == s
    assert results_dir_for(store.dirs, s) == tmp_path / "res"
    assert results_dir_for(store.dirs, s, tmp_path / "cli") == tmp_path / "cli"


def test_demo_exams_are_each_case_then_a_certificate() -> None:
    exams = demo_exams()
    cases = resources.demo_cases()
    assert [e.cases for e in exams[:-1]] == [(c,) for c in cases]
    assert exams[-1].is_certificate and exams[-1].cases == tuple(cases)
    assert all(e.title for e in exams)
    assert "FAST" in exams[[c.stem for c in cases].index("fast-trauma")].title


def test_results_dir_checks(tmp_path: Path) -> None:
    assert check_results_dir(tmp_path / "new" / "results", 1) == []
    assert (tmp_path / "new" / "results").is_dir()
    full = check_results_dir(tmp_path, 10**12)
    assert len(full) == 1 and "MB free" in full[0]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert "cannot be created" in check_results_dir(blocker / "sub", 1)[0]


def test_read_only_results_dir(tmp_path: Path) -> None:
    """A folder the app cannot write to is reported plainly.

    Permission bits do not stop root (CI runs as root), so there the folder is
    made immutable instead, which stops every user.
    """
    import subprocess

    ro = tmp_path / "ro"
    ro.mkdir()
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        made = subprocess.run(["chattr", "+i", str(ro)], capture_output=True, text=True)
        assert made.returncode == 0, f"cannot make a read-only folder as root: {made.stderr}"
    else:
        ro.chmod(0o500)
    try:
        assert "not writable" in check_results_dir(ro, 1)[0]
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(ro)], check=True)
        else:
            ro.chmod(0o700)


def test_exam_progress_round_trip_and_damage(tmp_path: Path) -> None:
    store = ProgressStore(app_dirs(tmp_path))
    assert store.load() is None
    p = ExamProgress(
        "cert",
        "Cert",
        (tmp_path / "a.yaml", tmp_path / "b.yaml"),
        "C1",
        "Ann",
        1.5,
        True,
        False,
        False,
    )
    p2 = p.with_receipt("case-a", "ABCD-EFGH-JKLM")
    assert p2.next_index == 1 and p.next_index == 0
    store.save(p2)
    assert store.load() == p2
    store.path.write_text("{garbage")
    assert store.load() is None
    store.clear()
    store.clear()
    assert store.load() is None


def test_package_exams_and_package_keys_round_trip(tmp_path: Path) -> None:
    from pocus_player.core.settings_store import package_exam

    store = SettingsStore(app_dirs(tmp_path))
    s = AppSettings(
        board_recipient=tmp_path / "b.pub",
        exams=(package_exam(tmp_path / "final.pocusexam"),),
        board_signing_key=tmp_path / "board.sign.pub",
        center_identity=tmp_path / "center.key",
    )
    store.save(s)
    loaded = store.load().settings
    assert loaded == s and loaded.exams[0].package == tmp_path / "final.pocusexam"
    assert loaded.exams[0].cases == ()
