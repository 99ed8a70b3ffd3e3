"""The review packet PDF: a page per question with its stem, picture, key and rationale."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from pocus_player.core.loader import load_case, load_case_text
from pocus_player.core.model import Case
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.ui.review_packet import (
    FrameGrabber,
    PacketError,
    caliper_band,
    export_packet,
    placements,
)
from tests.core.test_lint import FIXTURE, FIXTURE_PATH

REPO = Path(__file__).resolve().parents[2]
CASES = sorted((REPO / "cases").glob("*.yaml"))


def norm(text: str) -> str:
    """PDF text without ligatures and with single spaces, for comparing with the script."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture(scope="module")
def grabber(qapp):  # type: ignore[no-untyped-def]
    grab = FrameGrabber()
    yield grab
    grab.close()


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_each_demo_case_gives_a_page_per_question(
    qapp, tmp_path: Path, case_file: Path, grabber: FrameGrabber
) -> None:
    case = load_case(case_file, VlcMediaProbe())
    out = tmp_path / "packet.pdf"
    result = export_packet(case, out, grabber)
    reader = PdfReader(out)
    pages = [norm(p.extract_text()) for p in reader.pages]
    assert len(pages) == result.pages >= len(case.questions) + 2  # cover and script first
    assert result.questions == len(case.questions)
    assert norm(case.meta.title) in pages[0]
    placed = placements(case)
    seen_pages = []
    total = len(placed)
    for n, p in enumerate(placed, 1):
        q = p.question
        heading = f"Question {n} of {total}: {q.id}"
        index = next(i for i, text in enumerate(pages) if heading in text)
        seen_pages.append(index)
        # The stem, key and rationale follow the heading (on its page, or run onto the next).
        body = " ".join(pages[index : index + 2])
        assert norm(q.stem) in body
        assert norm(q.rationale) in body
        assert "Key:" in body and f"{q.points:g} point(s)" in body
        if p.pictures:
            assert len(reader.pages[index].images) >= 1, heading
            assert "no picture could be decoded" not in body
    assert seen_pages == sorted(set(seen_pages))  # a page of its own for each question
    # The script: every caption cue's text is in the packet.
    script = " ".join(pages[1:3])
    for item in case.media:
        if item.transcript:
            assert norm(item.transcript)[:60] in script


def test_the_key_is_drawn_on_hotspot_and_caliper_pictures(qapp, grabber: FrameGrabber) -> None:
    case = load_case_text(FIXTURE, FIXTURE_PATH)
    still = case.media_by_id("ruq-still")
    plain = grabber.image(still, None)
    assert plain is not None
    from pocus_player.ui.review_packet import image_with_key

    spot = image_with_key(plain, case.question_by_id("q-spot"), still.calibration, None)
    # Inside the key region the picture is tinted; far outside any region it is untouched.
    assert spot.pixelColor(230, 160) != plain.pixelColor(230, 160)
    assert spot.pixelColor(5, 350) == plain.convertToFormat(spot.format()).pixelColor(5, 350)
    measure = case.question_by_id("q-measure")
    band = caliper_band(measure, still.calibration)
    # 2.0 cm ± 0.2 at 20 px/cm, widened by half a rounding step (0.05 cm) each side.
    assert band == pytest.approx((35.0, 45.0))
    drawn = image_with_key(plain, measure, still.calibration, None)
    assert drawn.pixelColor(240, 170) != plain.pixelColor(240, 170)  # on the key line


def test_a_clip_frame_comes_from_the_media_layer(qapp, grabber: FrameGrabber) -> None:
    case = load_case_text(FIXTURE, FIXTURE_PATH, VlcMediaProbe())
    clip = case.media_by_id("encounter")
    a = grabber.frame(clip, 30)
    b = grabber.frame(clip, 150)
    assert a is not None and b is not None and a.width() == 640
    assert a != b
    assert grabber.image(case.media_by_id("intro"), None) is None  # narration has no picture


def test_unwritable_targets_are_reported(qapp, tmp_path: Path, grabber: FrameGrabber) -> None:
    case = load_case_text(FIXTURE, FIXTURE_PATH)
    with pytest.raises(PacketError, match="does not exist"):
        export_packet(case, tmp_path / "missing" / "x.pdf", grabber)
    with pytest.raises(PacketError, match="is a directory"):
        export_packet(case, tmp_path, grabber)


def run_cli(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    return subprocess.run(
        [sys.executable, "-m", "pocus_player", *args],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_packet_command_works_without_a_display(tmp_path: Path) -> None:
    out = tmp_path / "cardiac.pdf"
    done = run_cli(
        "export-packet", str(REPO / "cases" / "cardiac-effusion.yaml"), str(out), tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    case: Case = load_case(REPO / "cases" / "cardiac-effusion.yaml")
    assert f"{len(case.questions)} questions" in done.stdout
    assert len(PdfReader(out).pages) >= len(case.questions)


def test_export_packet_command_reports_bad_input_plainly(tmp_path: Path) -> None:
    bad = tmp_path / "cases" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text(FIXTURE.replace("    key: fluid\n", "    key: liquid\n"), encoding="utf-8")
    (tmp_path / "pocus-content.yaml").write_text("name: t\n", encoding="utf-8")
    done = run_cli("export-packet", str(bad), str(tmp_path / "x.pdf"), tmp_path=tmp_path)
    assert done.returncode == 1
    assert re.search(r"bad\.yaml:\d+:\d+: error: ", done.stderr)
    assert "Traceback" not in done.stderr and not (tmp_path / "x.pdf").exists()
    done = run_cli("export-packet", str(bad), str(tmp_path / "x.txt"), tmp_path=tmp_path)
    assert done.returncode == 2 and "ending in .pdf" in done.stderr
