"""A results folder copied from a killed sitting (with whatever it holds) reveals no response:
the resume key lives in the per-user state folder or the OS keychain, never beside the results."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pyrage
import pytest

from pocus_player.core import resume_keys
from pocus_player.core.journal_format import scan_frames
from pocus_player.core.resume import default_resume_dir, find_unfinished

CHILD = Path(__file__).with_name("resume_copy_child.py")
RESPONSE = b"suprasternal"  # the option chosen; appears in the case script, never in results


def _killed_sitting(results: Path, repo_root: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(results)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL if os.name != "nt" else signal.SIGTERM)
        child.wait(timeout=30)


def _blobs(folder: Path) -> list[bytes]:
    return [
        f.resume_blob
        for p in folder.rglob("*.pocusresult")
        for f in scan_frames(p.read_bytes()).frames
        if f.resume_blob is not None
    ]


def test_a_copied_results_folder_reveals_no_response(tmp_path: Path, repo_root: Path) -> None:
    results = tmp_path / "results"
    _killed_sitting(results, repo_root)
    stick = tmp_path / "usb-stick"
    shutil.copytree(results, stick)  # everything in the results folder, hidden files too

    everything = b"".join(p.read_bytes() for p in stick.rglob("*") if p.is_file())
    assert everything and RESPONSE not in everything and b"q-first-view" not in everything
    # Whoever has only the folder has no key to try: none is stored there...
    assert b"AGE-SECRET-KEY" not in everything
    found = re.findall(rb"AGE-SECRET-KEY-1[0-9A-Z]+", everything)
    blobs = _blobs(stick)
    assert len(blobs) >= 2 and not found
    # ...and the board's key opens the records, not the resume blobs.
    board = pyrage.x25519.Identity.from_str(
        next(
            ln
            for ln in (repo_root / "assets/keys/demo-board.key").read_text().splitlines()
            if ln.startswith("AGE-")
        )
    )
    for blob in blobs:
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(blob, [board])

    # Control: on the machine itself the sitting resumes, and its blob holds the response
    # but no score (scores are recomputed on restore).
    (unfinished,) = find_unfinished(results)
    assert unfinished.resume_path.parent == default_resume_dir(results)
    assert not unfinished.resume_path.is_relative_to(results)
    state = unfinished.resume_state
    assert state is not None and state["responses"]["q-first-view"] == {"choice": "suprasternal"}
    text = repr(state)
    assert "score" not in text.replace("scored", "") and "totals" not in state


def test_the_resume_key_goes_to_the_keychain_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    before = keyring.get_keyring()  # before the class below registers itself as a backend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        items: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    keyring.set_keyring(Memory())
    try:
        from pocus_player.core.journal import EncryptedJournal
        from tests.core.journal_helpers import DEMO_PUB, write_session

        journal = write_session(tmp_path, responses=2, submit=False)
        (resume_file,) = default_resume_dir(tmp_path).iterdir()
        assert b"AGE-SECRET-KEY" not in resume_file.read_bytes()
        assert list(Memory.items) == [(resume_keys.SERVICE, journal.session_id)]
        (unfinished,) = find_unfinished(tmp_path)
        assert unfinished.resume_state == {"step": "s2", "n": 2}
        EncryptedJournal.resume(unfinished, recipient=DEMO_PUB).submit({})
        assert Memory.items == {} and not resume_file.exists()
        # a keychain that lost the key: the session is not offered, nothing crashes
        journal = write_session(tmp_path / "b", responses=1, submit=False)
        Memory.items.clear()
        assert find_unfinished(tmp_path / "b") == []
    finally:
        keyring.set_keyring(before)


def test_without_a_keychain_the_file_fallback_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.core.journal_helpers import write_session

    caplog.set_level("WARNING")
    if resume_keys._keyring() is not None:
        pytest.skip("this machine has an OS keychain")
    journal = write_session(tmp_path, responses=1, submit=False)
    assert "no OS keychain available" in caplog.text and journal.session_id in caplog.text
    (resume_file,) = default_resume_dir(tmp_path).iterdir()
    assert b"AGE-SECRET-KEY" in resume_file.read_bytes()  # the fallback: in the state folder
