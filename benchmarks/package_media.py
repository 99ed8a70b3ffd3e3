"""Sealed packages: first picture and checkpoint accuracy from memory vs file, unlock of 200 MB.

1. Time from `load()` to the first picture of the same clip, played from a plain file and
   from an unlocked package (libvlc callback media fed from memory; the member is decrypted
   whole by the engine's worker before playing), alternated in one run. Target ratio <= 1.1.
2. Checkpoint accuracy from packaged media: 100 stops on two generated clips (30 and 25 fps)
   whose frames carry their number, read back from the frozen picture, as
   `checkpoint_accuracy.py` does for files. Target: exact in >= 99 of 100.
3. Unlock of a 200 MB package: every member hashed against the signed header, the
   signature checked, the passphrase slot opened (scrypt) and the manifest read; then the
   200 MB member decrypted into memory. Target: unlock < 3 s including scrypt.
4. Resident size while playing from memory (sampled every 100 ms during steps 1-2), and the
   peak of the whole run (scrypt at 2^18 alone takes 256 MiB while it runs).

Prints a table and ends with one JSON line.

    python benchmarks/package_media.py [--runs 20] [--per-rate 50] [--big-mb 200]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from checkpoint_accuracy import X264, run_clip
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from pocus_player.core.media_info import MediaInfo
from pocus_player.core.package import content
from pocus_player.core.package.builder import BuildOptions, ExamSpec, build_package
from pocus_player.core.package.signing import SigningKey
from pocus_player.media.engine import MediaEngine
from pocus_player.media.package_facts import facts_from
from pocus_player.media.probe import VlcMediaProbe
from pocus_player.media.vlc_instance import VlcRuntime
from tests.media.media_fixtures import encode_pattern

PASSPHRASE = "benchmark passphrase"

CASE = """\
schema_version: 1
case:
  id: {id}
  title: Benchmark
  clinical_area: other
  version: "1"
  authors: [benchmarks]
  estimated_minutes: 1
  domains: [{{id: d, title: D}}]
settings: {{time_limit: "30:00", pass_mark: 50}}
media:
{media}
steps: [{{id: s1, type: review, clips: [{first}], questions: [q1]}}]
questions:
  - {{id: q1, type: single_best_answer, stem: Pick b, points: 1, domain: d, rationale: b,
     options: [{{id: a, text: A}}, {{id: b, text: B}}], key: b}}
"""


def write_case(folder: Path, case_id: str, clips: list[str]) -> Path:
    media = "\n".join(
        f"  - {{id: m{i}, kind: cine, file: {name}, loop: false}}" for i, name in enumerate(clips)
    )
    path = folder / f"{case_id}.yaml"
    path.write_text(CASE.format(id=case_id, media=media, first="m0"), encoding="utf-8")
    return path


def first_picture_ms(engine: MediaEngine, path: Path) -> float:
    loop = QEventLoop()
    engine.frame_presented.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    t0 = time.perf_counter()
    engine.load(path)
    loop.exec()
    elapsed = (time.perf_counter() - t0) * 1000
    engine.frame_presented.disconnect(loop.quit)
    engine.stop()
    return elapsed


class SizeProbe:
    """Facts for the 200 MB member (random bytes: this step measures crypto, not media)."""

    def probe(self, path: Path) -> MediaInfo:
        return MediaInfo(60.0, 30.0, 1920, 1080, True, False)


def rss_mb() -> float:
    """Peak RSS of the process so far (includes the scrypt of building and unlocking)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class RssSampler:
    """The largest resident size seen every 100 ms while media plays (the GUI thread samples)."""

    def __init__(self) -> None:
        self.peak = 0.0
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.sample)

    def sample(self) -> None:
        self.peak = max(self.peak, current_rss_mb())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--per-rate", type=int, default=50)
    ap.add_argument("--big-mb", type=int, default=200)
    args = ap.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841
    runtime = VlcRuntime()
    probe = VlcMediaProbe(runtime)
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        encode_pattern(d / "p30.mp4", 330, "30", *X264)
        encode_pattern(d / "p25.mp4", 280, "25", *X264)
        encode_pattern(d / "first.mp4", 90, "30", *X264, size=(640, 360))
        script = write_case(d, "bench", ["first.mp4", "p30.mp4", "p25.mp4"])
        pkg_path = d / "bench.pocusexam"
        build_package(
            ExamSpec("bench", "Benchmark", "1", (script,)),
            pkg_path,
            probe,
            BuildOptions(passphrase=PASSPHRASE),
            facts_from(probe),
        )
        pkg = content.open_package(pkg_path, passphrase=PASSPHRASE, require_signature=False)
        (case,) = content.load_cases(pkg)
        content.register(pkg)
        sealed = {m.file.name: m.file for m in case.media}

        # 1. first picture, file vs package, alternated
        engine = MediaEngine(runtime, probe=probe, audio_output="adummy")
        sampler = RssSampler()
        sampler.timer.start()
        plain_ms: list[float] = []
        sealed_ms: list[float] = []
        for i in range(args.runs + 2):
            a = first_picture_ms(engine, d / "first.mp4")
            b = first_picture_ms(engine, sealed["first.mp4"])
            if i >= 2:  # the first rounds warm libvlc's plugins and the caches
                plain_ms.append(a)
                sealed_ms.append(b)
        # 2. checkpoint accuracy from memory
        errors: list[int] = []
        for name, fps, frames in (("p30.mp4", 30.0, 330), ("p25.mp4", 25.0, 280)):
            res = run_clip(engine, sealed[name], fps, args.per_rate, frames, seed=int(fps))
            clip_errors = [shown - target for target, shown, _ in res]
            errors += clip_errors
            dist = Counter(clip_errors)
            print(f"{name}: " + ", ".join(f"{k:+d}: {v}" for k, v in sorted(dist.items())))
        engine.close()
        sampler.timer.stop()
        playing_rss = sampler.peak
        content.unregister(pkg)

        # 3. unlock of a big package
        big = d / "big"
        big.mkdir()
        (big / "big.mp4").write_bytes(os.urandom(args.big_mb * 1024 * 1024))
        big_script = write_case(big, "big", ["big.mp4"])
        big_pkg = d / "big.pocusexam"
        t0 = time.perf_counter()
        build_package(
            ExamSpec("big", "Big", "1", (big_script,)),
            big_pkg,
            SizeProbe(),
            BuildOptions(
                passphrase=PASSPHRASE, signing_key=SigningKey(Ed25519PrivateKey.generate())
            ),
        )
        build_s = time.perf_counter() - t0
        (big / "big.mp4").unlink()
        t0 = time.perf_counter()
        unlocked = content.open_package(big_pkg, passphrase=PASSPHRASE, require_signature=False)
        unlock_s = time.perf_counter() - t0
        # the same steps apart: member hashes against the header, then the key slot (scrypt)
        from pocus_player.core.package.reader import SealedPackage

        t0 = time.perf_counter()
        sealed_big = SealedPackage.open(big_pkg)
        sealed_big.check_members()
        hash_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        sealed_big.unlock(PASSPHRASE)
        scrypt_s = time.perf_counter() - t0
        # rage picks the scrypt work factor when it encrypts (about 1 s on the building PC)
        import zipfile

        with zipfile.ZipFile(big_pkg) as zf:
            stanza = zf.read("key.pass.age").split(b"\n")[1].split()
        log_n = int(stanza[-1]) if stanza[:2] == [b"->", b"scrypt"] else 0
        entry = next(e for e in unlocked.files.values() if e.role == "media")
        t0 = time.perf_counter()
        buf = unlocked.read_entry(entry)
        read_s = time.perf_counter() - t0
        size_mb = big_pkg.stat().st_size / 1e6
        del buf
        after_rss = rss_mb()

    exact = sum(e == 0 for e in errors)
    pm, sm = statistics.median(plain_ms), statistics.median(sealed_ms)
    print(f"{'what':<44} {'value':>12}")
    print(f"{'first picture, plain file (median ms)':<44} {pm:>12.1f}")
    print(f"{'first picture, from the package (median ms)':<44} {sm:>12.1f}")
    print(f"{'ratio package / file':<44} {sm / pm:>12.3f}")
    print(f"{'checkpoints from memory, exact':<44} {f'{exact} of {len(errors)}':>12}")
    print(f"{'max |error| (frames)':<44} {max(map(abs, errors), default=0):>12}")
    print(f"{f'build {size_mb:.0f} MB package (s)':<44} {build_s:>12.2f}")
    print(f"{'unlock: hashes, signature, scrypt, manifest (s)':<44} {unlock_s:>12.2f}")
    print(f"{'  of which: open and hash every member (s)':<44} {hash_s:>12.2f}")
    print(
        f"{f'  of which: passphrase slot (scrypt 2^{log_n}) + manifest (s)':<44} {scrypt_s:>12.2f}"
    )
    print(f"{f'decrypt the {args.big_mb} MiB member into memory (s)':<44} {read_s:>12.2f}")
    print(f"{'RSS while playing from memory, max (MB)':<44} {playing_rss:>12.0f}")
    print(f"{'peak RSS of the run, incl. scrypt (MB)':<44} {after_rss:>12.0f}")
    out = {
        "runs": len(plain_ms),
        "baseline_median_ms": round(pm, 1),
        "median_ms": round(sm, 1),
        "ratio_to_baseline": round(sm / pm, 3),
        "checkpoints": len(errors),
        "exact": exact,
        "exact_fraction": round(exact / len(errors), 4) if errors else 0.0,
        "max_error_frames": max(map(abs, errors), default=0),
        "package_mb": round(size_mb, 1),
        "unlock_s": round(unlock_s, 3),
        "hash_s": round(hash_s, 3),
        "scrypt_s": round(scrypt_s, 3),
        "scrypt_log_n": log_n,
        "member_read_s": round(read_s, 3),
        "peak_rss_playing_mb": round(playing_rss),
        "peak_rss_run_mb": round(after_rss),
    }
    print(json.dumps(out))
    return 0 if errors else 1


if __name__ == "__main__":
    sys.exit(main())
