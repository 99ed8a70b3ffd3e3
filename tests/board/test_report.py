"""The committee's HTML report: self-contained, and rendered by a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pocus_player import resources
from pocus_player.board import report
from pocus_player.board.results import main
from scripts.simulate_cohort import simulate_cohort
from tests.core.journal_helpers import DEMO_KEY

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("report")
    simulate_cohort(base / "results", 120, seed=11, jobs=2)
    out = base / "out"
    code = main(
        ["stats", "-q", "-i", str(DEMO_KEY), "--case", str(resources.cases_dir()),
         str(base / "results"), "--out", str(out), "--exam",
         "cert=fast-blunt-trauma,lung-acute-dyspnea,cardiac-pericardial-effusion"]
    )  # fmt: skip
    assert code == 0
    return out


def test_report_is_one_self_contained_file(out_dir: Path) -> None:
    text = (out_dir / "report.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    # Nothing fetched: no scripts, stylesheets, images or fonts by URL. (The only URL is the
    # SVG namespace, an identifier that is never loaded.)
    assert "<script" not in text and "<link" not in text and "<img" not in text
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) == {"http://www.w3.org/2000/svg"}
    assert "@media print" in text
    # Per case: a score histogram and a difficulty-discrimination scatter; per flagged item
    # its choice charts; the caliper's error plot; the exam's histogram.
    assert text.count("<svg") >= 3 * 2 + 1 + 1 + 1
    assert "Flagged: q-probe-site" in text and "Flagged: q-management" in text
    assert "Caliper errors, q-ivc-caliper" in text
    for name in ("items.csv", "options.csv", "histograms.csv", "caliper_errors.csv", "stats.json"):
        assert (out_dir / name).stat().st_size > 0


def test_plots_escape_what_they_print() -> None:
    svg = report.bars_svg(
        [{"option": "<b>&", "key": False, "rate": 0.5, "upper_rate": 0.2, "lower_rate": 0.7}],
        "x<y",
    )
    assert "<b>&" not in svg and "&lt;b&gt;&amp;" in svg
    assert report.fmt(None) == "–" and report.fmt(0.1234) == "0.12"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (scripts/setup-debian.sh installs it)")
        pytest.skip("chromium is not installed (scripts/setup-debian.sh installs it)")
    return found


def _run_chromium(args: list[str], tmp_path: Path, name: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{name}"  # a fresh profile each run
    return subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )


def test_report_renders_and_prints_in_chromium(out_dir: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    url = (out_dir / "report.html").as_uri()
    dom = _run_chromium(["--dump-dom", url], tmp_path, "dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") >= 9
    assert "Reliability and scores" in dom.stdout and "key_below_distractor" in dom.stdout
    shot = out_dir / "report.png"
    done = _run_chromium(
        ["--window-size=1100,2200", "--hide-scrollbars", f"--screenshot={shot}", url],
        tmp_path,
        "shot",
    )
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", done.stderr
    pdf = out_dir / "report.pdf"
    done = _run_chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url], tmp_path, "pdf")
    assert done.returncode == 0 and pdf.read_bytes()[:5] == b"%PDF-", done.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 4  # the print CSS starts each case on its own page
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "Item analysis" in text and "q-probe-site" in text
    # A4 (595 x 842 pt) from the print CSS, not the screen width.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
