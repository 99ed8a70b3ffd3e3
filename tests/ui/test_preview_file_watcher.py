"""The case file watcher: in-place writes, atomic renames, deletions, one report per burst."""

from __future__ import annotations

import os
from pathlib import Path

from pocus_player.ui.file_watcher import CaseFileWatcher


def make(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "case.yaml"
    b = tmp_path / "media" / "clip.vtt"
    b.parent.mkdir()
    a.write_text("one\n", encoding="utf-8")
    b.write_text("WEBVTT\n", encoding="utf-8")
    return a, b


def test_in_place_write_is_reported(qtbot, tmp_path: Path) -> None:
    a, b = make(tmp_path)
    watcher = CaseFileWatcher(debounce_ms=50)
    watcher.set_paths([a, b])
    with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
        a.write_text("two\n", encoding="utf-8")
    assert blocker.args == [[a]]


def test_atomic_rename_is_reported_and_the_watch_survives(qtbot, tmp_path: Path) -> None:
    a, b = make(tmp_path)
    watcher = CaseFileWatcher(debounce_ms=50)
    watcher.set_paths([a, b])
    for n in range(3):
        tmp = b.with_name(f".clip.vtt.{n}")
        tmp.write_text(f"WEBVTT\n\nNOTE {n}\n", encoding="utf-8")
        with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
            os.replace(tmp, b)
        assert blocker.args == [[b]]


def test_a_burst_of_events_is_one_report(qtbot, tmp_path: Path) -> None:
    a, b = make(tmp_path)
    reports: list[list[Path]] = []
    watcher = CaseFileWatcher(debounce_ms=150)
    watcher.changed.connect(reports.append)
    watcher.set_paths([a, b])
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        for n in range(5):
            a.write_text(f"version {n}\n", encoding="utf-8")
        b.write_text("WEBVTT\n\nNOTE x\n", encoding="utf-8")
    qtbot.wait(300)  # longer than the debounce: nothing more may arrive
    assert len(reports) == 1 and sorted(reports[0]) == sorted([a, b])


def test_deleted_and_recreated_files(qtbot, tmp_path: Path) -> None:
    a, b = make(tmp_path)
    watcher = CaseFileWatcher(debounce_ms=50)
    watcher.set_paths([a, b])
    with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
        a.unlink()
    assert blocker.args == [[a]]
    with qtbot.waitSignal(watcher.changed, timeout=3000) as blocker:
        a.write_text("back\n", encoding="utf-8")
    assert blocker.args == [[a]]


def test_unchanged_files_report_nothing(qtbot, tmp_path: Path) -> None:
    a, b = make(tmp_path)
    watcher = CaseFileWatcher(debounce_ms=50)
    watcher.set_paths([a, b])
    (tmp_path / "unrelated.txt").write_text("x", encoding="utf-8")  # the folder changes
    with qtbot.assertNotEmitted(watcher.changed, wait=300):
        pass
    assert watcher.check_now() == []
    assert set(watcher.paths) == {a, b}
