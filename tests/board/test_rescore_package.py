"""A sitting from a package whose keys were withheld records no score; the board, with the
package and its identity, fills in exactly the scores a local sitting would have given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.cli import main
from pocus_player.core.journal_format import load_identities, verify_file
from tests.core.package.conftest import CASES, PASSPHRASE, Builder

KEY = str(resources.demo_board_identity())
BOARD_PUB = resources.demo_board_recipient().read_text(encoding="utf-8").strip().splitlines()[-1]


def _responses(folder: Path) -> list[dict[str, object]]:
    (path,) = folder.glob("*.pocusresult")
    v = verify_file(path, load_identities(KEY))
    assert v.ok and v.submitted
    return [r.payload for r in v.records if r.type == "response"]


@pytest.mark.parametrize("name", ["fast-trauma", "cardiac-effusion", "lung-dyspnea"])
def test_withheld_sitting_rescored_by_the_board_equals_local_scoring(
    build: Builder,
    tmp_path: Path,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    responses = CASES / "examples" / f"{name}.responses.yaml"
    package = build(
        CASES / f"{name}.yaml", passphrase=PASSPHRASE, withhold_keys=True, board_recipient=BOARD_PUB
    )
    monkeypatch.setenv("PP", PASSPHRASE)
    # the sitting, from the package (keys withheld), and the same responses scored locally
    assert (
        main(
            [
                "simulate",
                str(package),
                "--passphrase-env",
                "PP",
                "--responses",
                str(responses),
                "--result-dir",
                str(tmp_path / "sat"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "simulate",
                str(CASES / f"{name}.yaml"),
                "--responses",
                str(responses),
                "--result-dir",
                str(tmp_path / "local"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    sat, local = _responses(tmp_path / "sat"), _responses(tmp_path / "local")
    assert sat and all(r["score"]["pending"] for r in sat)  # type: ignore[index]
    assert [r["response"] for r in sat] == [r["response"] for r in local]
    (sat_file,) = (tmp_path / "sat").glob("*.pocusresult")
    v = verify_file(sat_file, load_identities(KEY))
    start = next(r.payload for r in v.records if r.type == "start")
    assert start["package"]["keys_withheld"] and start["package"]["sha256"]
    submit = next(r.payload for r in v.records if r.type == "submit")
    assert submit["totals"] is None and submit["scores_pending"]

    code = main(
        ["results", "rescore", "-i", KEY, "--package", str(package), "--json", str(sat_file)]
    )
    rows = json.loads(capsys.readouterr().out)
    assert code == 0 and {r["status"] for r in rows} == {"filled"}
    assert [r["rescored"] for r in rows] == [r["score"] for r in local]


def test_rescore_with_a_package_and_the_wrong_identity(
    build: Builder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = build(withhold_keys=True, board_recipient=BOARD_PUB)
    other = tmp_path / "other.key"
    main(["results", "keygen", str(other)])
    result = tmp_path / "x.pocusresult"
    result.write_bytes(b"")
    capsys.readouterr()
    code = main(["results", "rescore", "-i", str(other), "--package", str(package), str(result)])
    assert code == 1
    assert capsys.readouterr().err == (
        "error: none of this test center's keys opens this package\n"
    )
