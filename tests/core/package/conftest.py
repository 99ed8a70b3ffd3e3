"""Sealed-package fixtures: demo cases built into packages with a probe answering from the
demo media's manifest (no libvlc: the core suite stays fast and Qt-free)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest

from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.core.package.builder import BuildOptions, ExamSpec, build_package
from pocus_player.core.package.signing import SigningKey, load_signing_key

REPO = Path(__file__).resolve().parents[3]
CASES = REPO / "cases"
MEDIA = REPO / "assets" / "media"
MANIFEST = json.loads((MEDIA / "manifest.json").read_text(encoding="utf-8"))["files"]
PASSPHRASE = "correct horse battery staple"
# A test center's key: most tests unlock with it (X25519, under a millisecond) rather than
# with the passphrase (scrypt, one to two seconds each).
CENTER = pyrage.x25519.Identity.generate()
CENTER_PUB = str(CENTER.to_public())


class ManifestProbe:
    """Answers from the demo media's manifest (the facts its generator measured)."""

    def probe(self, path: Path) -> MediaInfo:
        facts = MANIFEST.get(f"{path.parent.name}/{path.name}")
        if facts is None:
            raise MediaProbeError(f"{path.name}: not in the manifest")
        fps = facts.get("frame_rate")
        return MediaInfo(
            float(facts.get("duration_s") or 0.0),
            float(fps) if fps else None,
            facts.get("width"),
            facts.get("height"),
            bool(facts.get("width")),
            path.suffix == ".ogg" or path.name == "encounter.mp4",
        )


def demo_key() -> SigningKey:
    from pocus_player import resources

    return load_signing_key(resources.demo_signing_key())


Builder = Callable[..., Path]


@pytest.fixture
def build(tmp_path: Path) -> Builder:
    """build(*case paths, name=..., **BuildOptions fields) -> the package path (by default
    unlocked by the CENTER key, signed with the demo key)."""

    def make(*cases: Path, name: str = "exam.pocusexam", **kw: object) -> Path:
        options = {"center_recipients": (CENTER_PUB,), "signing_key": demo_key(), **kw}
        out = tmp_path / name
        spec = ExamSpec(
            "demo-exam", "Demo exam", "3", tuple(cases) or (CASES / "cardiac-effusion.yaml",)
        )
        build_package(spec, out, ManifestProbe(), BuildOptions(**options))  # type: ignore[arg-type]
        return out

    return make


def content_copy(tmp_path: Path, case: str, text: str) -> Path:
    """A content folder in tmp_path with one case's media, holding `text` as the script."""
    shutil.copy(REPO / "pocus-content.yaml", tmp_path / "pocus-content.yaml")
    area = {"cardiac-effusion": "cardiac", "fast-trauma": "fast", "lung-dyspnea": "lung"}[case]
    shutil.copytree(MEDIA / area, tmp_path / "assets" / "media" / area)
    (tmp_path / "cases").mkdir(exist_ok=True)
    script = tmp_path / "cases" / f"{case}.yaml"
    script.write_text(text, encoding="utf-8")
    return script
