"""`preview` and `simulate` take a sealed package with its unlock: authoring tools on packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pocus_player import resources
from pocus_player.cli import main
from pocus_player.core.package import content
from tests.core.package.conftest import PASSPHRASE

pytestmark = pytest.mark.media


def test_preview_shows_a_case_from_a_package(
    qtbot: Any,
    build: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argparse

    from pocus_player.core.simulate import case_from_package
    from pocus_player.ui.preview_window import PreviewWindow

    package = build(resources.cases_dir() / "cardiac-effusion.yaml", passphrase=PASSPHRASE)
    monkeypatch.setenv("PP", PASSPHRASE)
    args = argparse.Namespace(case=package, passphrase_env="PP", passphrase_file=None, case_id=None)
    case, delivery = case_from_package(args)
    assert delivery["id"] == "demo-exam" and content.is_sealed(case.media[0].file)
    window = PreviewWindow(case.source, sealed_case=case, watch=False)
    qtbot.addWidget(window)
    try:
        assert window.case is case and window.problems == []
    finally:
        window.close()


def test_simulate_refuses_a_wrong_passphrase(
    build: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    package = build(passphrase=PASSPHRASE)
    monkeypatch.setenv("PP", "not it")
    responses = resources.cases_dir() / "examples" / "cardiac-effusion.responses.yaml"
    assert (
        main(["simulate", str(package), "--passphrase-env", "PP", "--responses", str(responses)])
        == 2
    )
    assert capsys.readouterr().err.endswith("wrong passphrase for this package\n")
