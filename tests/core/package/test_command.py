"""`pocus-player package ...` on the command line: build (libvlc probes the media), inspect and
verify, each failure one line on stderr with its exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pocus_player.cli import main
from tests.core.package.conftest import CASES, PASSPHRASE, Builder


def test_inspect_and_verify(
    build: Builder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(passphrase=PASSPHRASE)
    assert main(["package", "inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "signed by the board (key" in out and "cardiac-pericardial-effusion" in out
    assert main(["package", "inspect", "--json", str(path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["signature"]["trusted"] and info["problems"] == []
    monkeypatch.setenv("PP", PASSPHRASE)
    assert main(["package", "verify", str(path), "--passphrase-env", "PP"]) == 0
    assert "5 files" in capsys.readouterr().out
    monkeypatch.setenv("PP", "wrong")
    assert main(["package", "verify", str(path), "--passphrase-env", "PP"]) == 2
    assert capsys.readouterr().err == "error: wrong passphrase for this package\n"


def test_inspect_of_an_unsigned_package_reports_it(
    build: Builder, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build(signing_key=None)
    assert main(["package", "inspect", str(path)]) == 2
    assert "signature not signed" in capsys.readouterr().out


def test_inspect_of_not_a_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.pocusexam"
    path.write_text("hello")
    assert main(["package", "inspect", str(path)]) == 2
    assert capsys.readouterr().err == "error: x.pocusexam is not a .pocusexam package\n"


@pytest.mark.media
def test_build_probes_media_with_libvlc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PP", PASSPHRASE)
    out = tmp_path / "fast.pocusexam"
    argv = [
        "package",
        "build",
        str(CASES / "fast-trauma.yaml"),
        "-o",
        str(out),
        "--passphrase-env",
        "PP",
        "--demo-sign",
    ]
    assert main(argv) == 0
    assert "signed by" in capsys.readouterr().out
    from pocus_player.core.package import content

    pkg = content.open_package(out, passphrase=PASSPHRASE, require_signature=False)
    clips = [e for e in pkg.files.values() if e.role == "media" and e.path.endswith(".mp4")]
    assert clips and all(
        e.facts and e.facts["frame_rate"] and e.facts["frame_count"] > 0 for e in clips
    )
    assert (
        main(
            [
                "package",
                "build",
                str(CASES / "fast-trauma.yaml"),
                "-o",
                str(out),
                "--passphrase-env",
                "PP",
            ]
        )
        == 1
    )
    assert "choose one of --sign KEY, --demo-sign or --unsigned" in capsys.readouterr().err
