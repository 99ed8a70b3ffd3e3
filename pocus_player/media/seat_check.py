"""The media half of `pocus-player selftest`: which libvlc is loaded, its plugins, and real decodes.

Each check returns `SeatCheck`s in plain words for a testing center's IT staff. The
libvlc that is loaded is found from the process itself (`/proc/self/maps` on Linux,
`dladdr` on macOS, `GetModuleFileNameW` on Windows), not from where it was asked for,
so a python-vlc that picked up another VLC shows as such. The required plugins come from
`vlc_plugins.json`, the list the build ships (see scripts/derive-vlc-plugins.py); each
one must be a file in the loaded libvlc's plugin folder that the system's loader can
open. Then every built-in sample (assets/selftest, one per kind of clip) is played
through libvlc into memory: all of its pictures must arrive (a missing packetizer drops
half of an MPEG-2 stream's) and its sound must last as long as it should.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import vlc

from pocus_player.media import libvlc_location
from pocus_player.media.probe import gif_media_options
from pocus_player.media.vlc_instance import VlcRuntime

PLUGIN_LIST = Path(__file__).resolve().parent / "vlc_plugins.json"
# Audio outputs that reach a person (not files, memory or nothing).
REAL_AUDIO_OUTPUTS = ("pulse", "alsa", "mmdevice", "directsound", "waveout", "auhal")
DECODE_TIMEOUT_S = 15.0
_SAMPLE_RATE, _CHANNELS = 48000, 2


@dataclass(frozen=True, slots=True)
class SeatCheck:
    name: str
    ok: bool
    detail: str
    warning: bool = False  # passes, but someone should read it
    facts: dict[str, object] | None = None

    def to_json(self) -> dict[str, object]:
        d = asdict(self)
        if d["facts"] is None:
            d.pop("facts")
        return d


# ----------------------------------------------------------------- where libvlc came from


def mapped_files() -> list[Path]:
    """Every file mapped into this process (Linux); empty elsewhere."""
    try:
        text = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    seen: dict[str, None] = {}
    for line in text.splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6 and parts[5].startswith("/"):
            seen.setdefault(parts[5].strip(), None)
    return [Path(p) for p in seen]


def is_vlc_file(path: Path) -> bool:
    """libvlc, libvlccore or a VLC plugin, by name."""
    name = path.name
    return name.startswith(("libvlc.", "libvlccore.")) or name.endswith(
        ("_plugin.so", "_plugin.dll", "_plugin.dylib")
    )


class _DlInfo(ctypes.Structure):
    _fields_ = [
        ("dli_fname", ctypes.c_char_p),
        ("dli_fbase", ctypes.c_void_p),
        ("dli_sname", ctypes.c_char_p),
        ("dli_saddr", ctypes.c_void_p),
    ]


def library_file(lib: ctypes.CDLL, symbol: str) -> Path | None:
    """The file `lib` was loaded from, asked of the system's loader."""
    if sys.platform == "win32":
        buf = ctypes.create_unicode_buffer(32768)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.GetModuleFileNameW.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p, ctypes.c_uint]
        if kernel32.GetModuleFileNameW(ctypes.c_void_p(lib._handle), buf, len(buf)):
            return Path(buf.value)
        return None
    try:
        libc = ctypes.CDLL(None)
        dladdr = libc.dladdr
    except (OSError, AttributeError):
        return None
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    dladdr.restype = ctypes.c_int
    info = _DlInfo()
    address = ctypes.cast(getattr(lib, symbol), ctypes.c_void_p)
    if dladdr(address, ctypes.byref(info)) and info.dli_fname:
        return Path(info.dli_fname.decode("utf-8", "replace")).resolve()
    return None


def _libvlccore() -> ctypes.CDLL | None:
    name = {"win32": "libvlccore.dll", "darwin": "libvlccore.dylib"}.get(
        sys.platform, "libvlccore.so.9"
    )
    chosen = libvlc_location.choice()
    target = str(chosen.layout.libvlccore) if chosen.layout else name
    try:
        return ctypes.CDLL(target)  # already loaded by libvlc: the same library
    except OSError:
        return None


def plugin_folder(libvlccore_file: Path | None) -> Path | None:
    """Where that libvlccore looks for its plugins (relative to itself, as libvlccore does)."""
    if libvlccore_file is None:
        return None
    here = libvlccore_file.parent
    if sys.platform == "win32":
        return here / "plugins"
    if sys.platform == "darwin":
        return here.parent / "plugins" if here.name == "lib" else here / "plugins"
    return here / "vlc" / "plugins"


def _plugin_folder_guess() -> Path | None:
    """The plugin folder of the libvlc that is loaded, without an instance of it."""
    chosen = libvlc_location.choice()
    if chosen.layout is not None:
        return chosen.layout.plugins
    core = _libvlccore()
    return plugin_folder(library_file(core, "module_list_get")) if core is not None else None


def plugin_modules(core: ctypes.CDLL) -> list[str]:
    """The names of every module libvlccore's plugin bank holds (after an instance exists)."""
    core.module_list_get.restype = ctypes.POINTER(ctypes.c_void_p)
    core.module_list_get.argtypes = [ctypes.POINTER(ctypes.c_size_t)]
    core.module_list_free.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
    core.module_list_free.restype = None
    core.module_get_object.restype = ctypes.c_char_p
    core.module_get_object.argtypes = [ctypes.c_void_p]
    n = ctypes.c_size_t()
    arr = core.module_list_get(ctypes.byref(n))
    try:
        return [
            (core.module_get_object(arr[i]) or b"").decode("utf-8", "replace")
            for i in range(n.value)
        ]
    finally:
        core.module_list_free(arr)


def check_libvlc(runtime: VlcRuntime) -> SeatCheck:
    """Which libvlc and libvlccore are loaded, from where, its version and plugin count."""
    chosen = libvlc_location.choice()
    libvlc_file = library_file(vlc.dll, "libvlc_get_version")
    core = _libvlccore()
    core_file = library_file(core, "module_list_get") if core is not None else None
    modules = plugin_modules(core) if core is not None else []
    facts: dict[str, object] = {
        "version": runtime.version,
        "libvlc": str(libvlc_file) if libvlc_file else None,
        "libvlccore": str(core_file) if core_file else None,
        "plugin_folder": str(plugin_folder(core_file)) if core_file else None,
        "plugin_modules": len(modules),
        "bundled": chosen.bundled,
        "frozen": chosen.frozen,
        "removed_variables": list(chosen.removed_variables),
    }
    where = f"libvlc {runtime.version} from {libvlc_file}, {len(modules)} plugin modules"
    if chosen.bundled:
        assert chosen.layout is not None
        root = chosen.layout.root.resolve()
        outside = [
            str(p)
            for p in (libvlc_file, core_file)
            if p is not None and not p.resolve().is_relative_to(root)
        ]
        if outside or libvlc_file is None:
            return SeatCheck(
                "libvlc",
                False,
                f"a libvlc from outside this installation is loaded ({', '.join(outside) or 'unknown'}); "
                "reinstall pocus-player",
                facts=facts,
            )
        return SeatCheck("libvlc", True, where + " (this installation's own)", facts=facts)
    if chosen.frozen:
        return SeatCheck("libvlc", False, "this build carries no libvlc; reinstall", facts=facts)
    return SeatCheck("libvlc", True, where + " (the system's VLC: a source install)", facts=facts)


# ----------------------------------------------------------------------- required plugins


def plugin_list(path: Path = PLUGIN_LIST) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def plugin_file(folder: Path, plugin: str, platform: str | None = None) -> Path:
    """`codec/avcodec` -> the plugin's file under `folder` on this system."""
    platform = sys.platform if platform is None else platform
    category, _, name = plugin.partition("/")
    if platform == "win32":
        return folder / category / f"lib{name}_plugin.dll"
    if platform == "darwin":  # VLC.app keeps its plugins in one flat folder
        return folder / f"lib{name}_plugin.dylib"
    return folder / category / f"lib{name}_plugin.so"


def platform_key(platform: str | None = None) -> str:
    platform = sys.platform if platform is None else platform
    return platform if platform in ("win32", "darwin") else "linux"


def required_plugins(data: dict[str, object] | None = None) -> list[str]:
    data = plugin_list() if data is None else data
    plugins = data["plugins"]
    assert isinstance(plugins, dict)
    return list(plugins[platform_key()])


def check_plugins(folder: Path | None, plugins: Iterable[str]) -> SeatCheck:
    """Every required plugin is a file in `folder` that the system can load."""
    plugins = list(plugins)
    if folder is None:
        return SeatCheck("VLC plugins", False, "the plugin folder of libvlc is unknown")
    missing: list[str] = []
    broken: list[str] = []
    for plugin in plugins:
        path = plugin_file(folder, plugin)
        if not path.is_file():
            missing.append(plugin)
            continue
        try:
            ctypes.CDLL(str(path))  # its dependencies resolve (libvlccore opens it the same way)
        except OSError as exc:
            broken.append(f"{plugin} ({exc})")
    facts: dict[str, object] = {"folder": str(folder), "required": plugins, "missing": missing}
    if missing or broken:
        parts = []
        if missing:
            parts.append("missing: " + ", ".join(missing))
        if broken:
            parts.append("cannot be loaded: " + "; ".join(broken))
        return SeatCheck(
            "VLC plugins",
            False,
            f"{len(missing) + len(broken)} of {len(plugins)} required plugins in {folder} "
            f"are not usable ({'; '.join(parts)}); reinstall pocus-player",
            facts=facts,
        )
    return SeatCheck("VLC plugins", True, f"all {len(plugins)} required plugins load", facts=facts)


# -------------------------------------------------------------------------- audio output


def _devices(instance: vlc.Instance, output: str) -> list[str]:
    head = vlc.libvlc_audio_output_device_list_get(instance, output.encode())
    names: list[str] = []
    node = head
    while node:
        dev = node.contents
        if dev.description:
            names.append(dev.description.decode("utf-8", "replace"))
        elif dev.device:
            names.append(dev.device.decode("utf-8", "replace"))
        node = dev.next
    if head:
        vlc.libvlc_audio_output_device_list_release(head)
    return names


def check_audio(runtime: VlcRuntime, *, require_device: bool = True) -> SeatCheck:
    """A libvlc audio output that reaches speakers, and the sound devices it sees."""
    outputs = _audio_outputs(runtime.instance)
    real = [o for o in outputs if o in REAL_AUDIO_OUTPUTS]
    devices = {o: _devices(runtime.instance, o) for o in real}
    facts: dict[str, object] = {"outputs": outputs, "devices": devices}
    if not real:
        return SeatCheck(
            "Audio output",
            False,
            f"no audio output plugin that reaches speakers (only {', '.join(outputs) or 'none'})",
            facts=facts,
        )
    found = [f"{d} ({o})" for o, names in devices.items() for d in names]
    if found:
        more = f" and {len(found) - 3} more" if len(found) > 3 else ""
        return SeatCheck(
            "Audio output", True, "sound devices: " + ", ".join(found[:3]) + more, facts=facts
        )
    detail = f"audio through {', '.join(real)}, but no sound device was found"
    if not require_device:
        return SeatCheck(
            "Audio output", True, detail + " (not required here)", warning=True, facts=facts
        )
    return SeatCheck(
        "Audio output", False, detail + "; connect speakers or headphones", facts=facts
    )


def _audio_outputs(instance: vlc.Instance) -> list[str]:
    """The names of libvlc's audio output modules."""
    head = vlc.libvlc_audio_output_list_get(instance)
    out: list[str] = []
    node = head
    while node:
        name = node.contents.name
        out.append(name.decode() if isinstance(name, bytes) else str(name))
        node = node.contents.next
    if head:
        vlc.libvlc_audio_output_list_release(head)
    return out


# ----------------------------------------------------------------------------- decoding


def samples_dir() -> Path:
    from pocus_player import resources

    return resources.assets_dir() / "selftest"


@dataclass(frozen=True, slots=True)
class DecodeResult:
    frames: int
    audio_s: float
    error: str | None
    seconds: float


# libvlc reports the end of the input while the video output may still hold the last
# pictures: they arrive within a frame period or two.
_DRAIN_S = 0.4
# Played at its own pace, libvlc's video output sometimes shows the first picture late
# enough to skip it, or ends before the last (the media engine corrects for both; this
# check does not need to). A missing decoder gives none and a missing packetizer about
# half of an MPEG-2 stream's pictures, so two pictures of slack still tell those apart.
PICTURE_SLACK = 2


def decode_many(
    runtime: VlcRuntime,
    items: list[tuple[Path, int, int, int]],
    timeout_s: float = DECODE_TIMEOUT_S,
) -> list[DecodeResult]:
    """Play each (path, width, height, pictures expected) to its end into memory, all at once.

    Gives the pictures and seconds of sound that arrived for each; every file has its
    own player, so the samples take about as long as the longest of them.
    """
    jobs = [(_Decode(runtime.instance, p, w, h), expected) for p, w, h, expected in items]
    t0 = time.monotonic()
    for job, _n in jobs:
        job.start()
    deadline = t0 + timeout_s
    for job, expected in jobs:
        job.done.wait(max(0.0, deadline - time.monotonic()))
        drained = min(deadline, time.monotonic() + _DRAIN_S)
        while job.frames < expected and time.monotonic() < drained:
            time.sleep(0.01)
    return [job.finish(time.monotonic() - t0) for job, _n in jobs]


class _Decode:
    """One player decoding into memory through libvlc's video and audio callbacks."""

    def __init__(self, instance: vlc.Instance, path: Path, width: int, height: int) -> None:
        self.path = path
        self.frames = 0
        self.samples = 0
        self.error: str | None = None
        self.done = threading.Event()
        self._seen: set[int] = set()
        self._w, self._h = max(width, 2), max(height, 2)
        self._buf = ctypes.create_string_buffer(self._w * self._h * 4)
        self._ptr = ctypes.cast(self._buf, ctypes.c_void_p)
        self.player: vlc.MediaPlayer = instance.media_player_new()
        media = instance.media_new_path(str(path))
        for option in gif_media_options(path):
            media.add_option(option)
        self.player.set_media(media)
        media.release()

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque, planes):  # type: ignore[no-untyped-def]
            planes[0] = self._ptr
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque, _picture):  # type: ignore[no-untyped-def]
            # libvlc shows a picture again while the next is not due: count distinct
            # pictures (every picture of a sample differs from every other).
            digest = hash(self._buf.raw)
            if digest not in self._seen:
                self._seen.add(digest)
                self.frames += 1

        @vlc.CallbackDecorators.AudioPlayCb
        def play(_opaque, _samples, count, _pts):  # type: ignore[no-untyped-def]
            self.samples += count

        self._callbacks = (lock, display, play)
        self.player.video_set_callbacks(lock, None, display, None)
        self.player.video_set_format("RV32", self._w, self._h, self._w * 4)
        self.player.audio_set_callbacks(play, None, None, None, None, None)
        self.player.audio_set_format("S16N", _SAMPLE_RATE, _CHANNELS)
        events = self.player.event_manager()
        events.event_attach(vlc.EventType.MediaPlayerEndReached, lambda _e: self.done.set())
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError, self._on_error)

    def _on_error(self, _event: object) -> None:
        self.error = "libvlc could not play it"
        self.done.set()

    def start(self) -> None:
        if self.player.play() != 0:
            self.error = "libvlc refused to play it"
            self.done.set()

    def finish(self, seconds: float) -> DecodeResult:
        timed_out = not self.done.is_set()
        self.player.stop()
        self.player.release()
        error = self.error or ("did not finish in time" if timed_out else None)
        return DecodeResult(self.frames, self.samples / _SAMPLE_RATE, error, seconds)


def check_samples(runtime: VlcRuntime, folder: Path | None = None) -> list[SeatCheck]:
    """Play every built-in sample; one check per kind of clip."""
    folder = samples_dir() if folder is None else folder
    try:
        manifest: dict[str, dict[str, object]] = json.loads(
            (folder / "samples.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError) as exc:
        return [SeatCheck("Sample clips", False, f"the built-in samples are missing ({exc})")]
    checks: list[SeatCheck] = []
    played = [(name, e) for name, e in manifest.items() if e["kind"] != "still"]
    results = decode_many(
        runtime,
        [(folder / name, 96, 64, int(e.get("frames", 0))) for name, e in played],  # type: ignore[call-overload]
    )
    for (name, entry), result in zip(played, results, strict=True):
        checks.append(_judge(name, entry, result))
    for name, entry in manifest.items():
        if entry["kind"] == "still":
            checks.append(_check_still(folder / name, str(entry["label"])))
    return checks


def _judge(name: str, entry: dict[str, object], r: DecodeResult) -> SeatCheck:
    label = str(entry["label"])
    facts: dict[str, object] = {"file": name, "frames": r.frames, "audio_s": round(r.audio_s, 3)}
    want_frames = int(entry.get("frames", 0))  # type: ignore[call-overload]
    want_audio = float(entry.get("audio_s", 0.0))  # type: ignore[arg-type]
    problems = []
    if r.error:
        problems.append(r.error)
    if want_frames and not want_frames - PICTURE_SLACK <= r.frames <= want_frames:
        problems.append(f"{r.frames} of {want_frames} pictures decoded")
    if want_audio and r.audio_s < 0.75 * want_audio:  # the last blocks may not drain
        problems.append(f"{r.audio_s:.2f} s of {want_audio:.2f} s of sound decoded")
    if problems:
        return SeatCheck(f"Decode: {label}", False, f"{name}: " + "; ".join(problems), facts=facts)
    what = f"{r.frames} pictures" if want_frames else f"{r.audio_s:.2f} s of sound"
    return SeatCheck(f"Decode: {label}", True, f"{name}: {what}", facts=facts)


def _check_still(path: Path, label: str) -> SeatCheck:
    from PySide6.QtGui import QImage  # stills are drawn by Qt, not libvlc

    image = QImage(str(path))
    if image.isNull():
        return SeatCheck(f"Decode: {label}", False, f"{path.name}: Qt cannot read it")
    return SeatCheck(f"Decode: {label}", True, f"{path.name}: {image.width()}x{image.height()}")


def run_media_checks(
    runtime: VlcRuntime | None = None, *, require_audio_device: bool = True
) -> list[SeatCheck]:
    """libvlc, plugins, audio output and sample decodes, in that order."""
    if runtime is None:
        try:
            runtime = VlcRuntime()
        except RuntimeError as exc:  # libvlc is loaded but will not start: say which plugins lack
            return [
                SeatCheck("libvlc", False, str(exc)),
                check_plugins(_plugin_folder_guess(), required_plugins()),
            ]
    first = check_libvlc(runtime)
    folder = first.facts.get("plugin_folder") if first.facts else None
    checks = [first, check_plugins(Path(str(folder)) if folder else None, required_plugins())]
    checks.append(check_audio(runtime, require_device=require_audio_device))
    checks.extend(check_samples(runtime))
    return checks
