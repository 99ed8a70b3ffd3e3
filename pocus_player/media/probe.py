"""`VlcMediaProbe`: duration, frame rate, size and streams of a media file, via libvlc.

Still images (PNG, JPEG, single-frame GIF) are measured from their headers
without libvlc. An animated GIF is read through libavformat (`gif_media_options`):
libvlc's own image demuxer would show its first frame as a 10 s still. MPEG
program streams announce no tracks to libvlc's preparser, so for those (and any
other file whose preparse finds no video format) the probe plays the file for a
moment into a null video sink, with the dummy audio output, and reads the
tracks libvlc found, and fingerprints their first frames for the engine (see
`first_frames`). Results are cached by (path, size, mtime) so the media
engine can reuse what the case validator already learned.
"""

from __future__ import annotations

import ctypes
import dataclasses
import itertools
import logging
import math
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import vlc

from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.media.container import coded_picture_size, read_container
from pocus_player.media.first_frames import first_frame_prints, needs_first_frames
from pocus_player.media.vlc_instance import VlcRuntime, shared_runtime

log = logging.getLogger(__name__)

STILL_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})
GIF_MAGICS = (b"GIF87a", b"GIF89a")
# libvlc 3's libavformat demuxer plays every frame of a GIF with its own delay.
GIF_MEDIA_OPTIONS = (":demux=avformat",)
# libavformat plays a delay under 2 cs as 10 cs, as web browsers do.
_GIF_MIN_DELAY_CS, _GIF_DEFAULT_DELAY_CS = 2, 10


class _VideoTrack(ctypes.Structure):
    _fields_ = [
        ("height", ctypes.c_uint),
        ("width", ctypes.c_uint),
        ("sar_num", ctypes.c_uint),
        ("sar_den", ctypes.c_uint),
        ("frame_rate_num", ctypes.c_uint),
        ("frame_rate_den", ctypes.c_uint),
    ]


class _AudioTrack(ctypes.Structure):
    _fields_ = [("channels", ctypes.c_uint), ("rate", ctypes.c_uint)]


class _MediaTrack(ctypes.Structure):
    # libvlc_media_track_t; python-vlc flattens its union into three pointers,
    # which shifts every later field, so the layout is declared here.
    _fields_ = [
        ("codec", ctypes.c_uint32),
        ("original_fourcc", ctypes.c_uint32),
        ("id", ctypes.c_int),
        ("type", ctypes.c_int),
        ("profile", ctypes.c_int),
        ("level", ctypes.c_int),
        ("track", ctypes.c_void_p),
        ("bitrate", ctypes.c_uint),
        ("language", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
    ]


_tracks_get = vlc.dll.libvlc_media_tracks_get
_tracks_get.argtypes = [
    ctypes.c_void_p,
    ctypes.POINTER(ctypes.POINTER(ctypes.POINTER(_MediaTrack))),
]
_tracks_get.restype = ctypes.c_uint
_tracks_release = vlc.dll.libvlc_media_tracks_release
_tracks_release.argtypes = [ctypes.POINTER(ctypes.POINTER(_MediaTrack)), ctypes.c_uint]
_tracks_release.restype = None

_TRACK_AUDIO, _TRACK_VIDEO = 0, 1


@dataclass(frozen=True, slots=True)
class TrackFacts:
    width: int | None = None
    height: int | None = None
    frame_rate: float | None = None
    sar: float = 1.0
    has_video: bool = False
    has_audio: bool = False


def read_tracks(media: vlc.Media) -> TrackFacts:
    """What libvlc currently knows about a media's elementary streams."""
    arr = ctypes.POINTER(ctypes.POINTER(_MediaTrack))()
    n = _tracks_get(ctypes.c_void_p(media._as_parameter_.value), ctypes.byref(arr))
    facts = TrackFacts()
    try:
        for i in range(n):
            t = arr[i].contents
            if t.type == _TRACK_AUDIO:
                facts = _replace(facts, has_audio=True)
            elif t.type == _TRACK_VIDEO and t.track and not facts.has_video:
                v = ctypes.cast(t.track, ctypes.POINTER(_VideoTrack)).contents
                fps = v.frame_rate_num / v.frame_rate_den if v.frame_rate_den else None
                sar = v.sar_num / v.sar_den if v.sar_num and v.sar_den else 1.0
                facts = _replace(
                    facts,
                    has_video=True,
                    width=v.width or None,
                    height=v.height or None,
                    frame_rate=fps if fps and fps > 0 else None,
                    sar=sar,
                )
    finally:
        if n:
            _tracks_release(arr, n)
    return facts


def _replace(f: TrackFacts, **kw: object) -> TrackFacts:
    d = {k: getattr(f, k) for k in TrackFacts.__slots__}
    d.update(kw)
    return TrackFacts(**d)


def still_image_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG or JPEG header; MediaProbeError when it is neither."""
    with path.open("rb") as fh:
        head = fh.read(32)
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            w, h = struct.unpack(">II", head[16:24])
            return int(w), int(h)
        if head.startswith(b"\xff\xd8"):
            fh.seek(2)
            while True:
                marker = fh.read(2)
                if len(marker) < 2 or marker[0] != 0xFF:
                    break
                code = marker[1]
                if code in (0xD8, 0x01) or 0xD0 <= code <= 0xD7:
                    continue
                seg = fh.read(2)
                if len(seg) < 2:
                    break
                (length,) = struct.unpack(">H", seg)
                if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
                    data = fh.read(5)
                    if len(data) < 5:
                        break
                    h, w = struct.unpack(">HH", data[1:5])
                    return int(w), int(h)
                fh.seek(length - 2, 1)
            raise MediaProbeError(f"{path.name}: JPEG file has no frame header (damaged?)")
    raise MediaProbeError(f"{path.name}: not a PNG or JPEG image")


def is_gif(path: Path) -> bool:
    """Whether the file is a GIF, judged by its signature (not its name)."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(6) in GIF_MAGICS
    except OSError:
        return False


def gif_media_options(path: Path) -> tuple[str, ...]:
    """libvlc media options a file needs to play every frame (GIF: the libavformat demuxer)."""
    return GIF_MEDIA_OPTIONS if is_gif(path) else ()


@dataclass(frozen=True, slots=True)
class GifTiming:
    """Frame count, size and per-frame delays of a GIF, as libavformat plays it.

    Delays are whole centiseconds, so an encoder writes a clip of 15 frames a
    second as delays of 7, 6, 7, ... cs: delays within 1 cs of each other are
    one frame rate (frames / duration), a picture per frame. Otherwise frames
    are ticks of `tick_cs`, the largest delay that divides every picture's
    delay, so that frame n still spans [n / frame_rate, (n+1) / frame_rate) as
    in any other clip, and a picture covers `picture_ticks` ticks from `frame_starts`.
    """

    width: int
    height: int
    delays_cs: tuple[int, ...]

    @property
    def frame_count(self) -> int:
        return len(self.delays_cs)

    @property
    def is_animated(self) -> bool:
        return len(self.delays_cs) > 1

    @property
    def duration_s(self) -> float:
        return sum(self.delays_cs) / 100.0

    @property
    def tick_cs(self) -> int:
        return math.gcd(*self.delays_cs) if self.delays_cs else _GIF_DEFAULT_DELAY_CS

    @property
    def constant_rate(self) -> bool:
        return not self.delays_cs or max(self.delays_cs) - min(self.delays_cs) <= 1

    @property
    def frame_rate(self) -> float:
        if not self.constant_rate:
            return 100.0 / self.tick_cs
        if len(self.delays_cs) < 3:
            return 100.0 / self.delays_cs[0] if self.delays_cs else 100.0 / _GIF_DEFAULT_DELAY_CS
        # The simplest rate whose frame starts, rounded to centiseconds, give
        # the last frame's start (the last delay is often the encoder's guess).
        frames = len(self.delays_cs) - 1
        last_start = sum(self.delays_cs[:-1])
        low, high = 100.0 * frames / (last_start + 0.5), 100.0 * frames / (last_start - 0.5)
        for decimals in range(4):
            step = 10.0**-decimals
            rate = math.ceil(low / step - 1e-9) * step
            if rate <= high:
                return round(rate, decimals)
        return 100.0 * frames / last_start

    @property
    def picture_ticks(self) -> tuple[int, ...]:
        """How many frames (ticks) each picture lasts."""
        if self.constant_rate:
            return (1,) * len(self.delays_cs)
        tick = self.tick_cs
        return tuple(d // tick for d in self.delays_cs)

    @property
    def frame_starts(self) -> tuple[int, ...]:
        """The tick on which each picture starts."""
        return tuple(itertools.accumulate(self.picture_ticks, initial=0))[:-1]


def _skip_sub_blocks(fh: BinaryIO, name: str) -> None:
    while True:
        size = fh.read(1)
        if not size:
            raise MediaProbeError(f"{name}: GIF file ends inside a frame (truncated or damaged)")
        if size[0] == 0:
            return
        fh.seek(size[0], 1)


def gif_timing(path: Path) -> GifTiming:
    """Walk a GIF's blocks: its size and each frame's delay; MediaProbeError when damaged."""
    path = Path(path)
    name = path.name
    damaged = f"{name}: GIF file is truncated or damaged"
    with path.open("rb") as fh:
        head = fh.read(13)
        if len(head) < 13 or head[:6] not in GIF_MAGICS:
            raise MediaProbeError(f"{name}: not a GIF image")
        width, height, flags = struct.unpack("<HHB", head[6:11])
        if flags & 0x80:
            fh.seek(3 << ((flags & 7) + 1), 1)
        delays: list[int] = []
        delay = _GIF_DEFAULT_DELAY_CS  # a frame without its own control block keeps the last delay
        while True:
            intro = fh.read(1)
            if not intro or intro == b"\x3b":  # trailer (some encoders omit it)
                break
            if intro == b"\x21":
                label = fh.read(1)
                if label == b"\xf9":
                    block = fh.read(6)
                    if len(block) < 6:
                        raise MediaProbeError(damaged)
                    raw = struct.unpack("<H", block[2:4])[0]
                    delay = raw if raw >= _GIF_MIN_DELAY_CS else _GIF_DEFAULT_DELAY_CS
                    fh.seek(-1, 1)  # the block terminator is read as an empty sub-block
                _skip_sub_blocks(fh, name)
            elif intro == b"\x2c":
                desc = fh.read(9)
                if len(desc) < 9:
                    raise MediaProbeError(damaged)
                if desc[8] & 0x80:
                    fh.seek(3 << ((desc[8] & 7) + 1), 1)
                if not fh.read(1):  # LZW minimum code size
                    raise MediaProbeError(damaged)
                _skip_sub_blocks(fh, name)
                delays.append(delay)
            else:
                raise MediaProbeError(damaged)
    if not delays:
        raise MediaProbeError(f"{name}: GIF file holds no image")
    if not (width and height):
        raise MediaProbeError(f"{name}: GIF file states no picture size")
    return GifTiming(int(width), int(height), tuple(delays))


def _merge_repeats(path: Path, timing: GifTiming) -> tuple[int, ...]:
    """`timing.picture_ticks` with each picture identical to the one before merged into it."""
    from PySide6.QtGui import QImageReader  # local: only playback needs the pictures

    ticks = list(timing.picture_ticks)
    reader = QImageReader(str(path))
    repeats: list[bool] = []
    previous = None
    while len(repeats) < len(ticks):
        image = reader.read()
        if image.isNull():
            break
        repeats.append(previous is not None and image == previous)
        previous = image
    if len(repeats) != len(ticks):
        log.info("%s: could not compare the GIF's pictures; each counts on its own", path.name)
        return tuple(ticks)
    merged: list[int] = []
    for n, repeat in zip(ticks, repeats, strict=True):
        if repeat and merged:
            merged[-1] += n
        else:
            merged.append(n)
    return tuple(merged)


def _with_container_facts(path: Path, info: MediaInfo) -> MediaInfo:
    """libvlc's answer corrected by what the file itself states exactly.

    libvlc cuts an AVI's length to whole seconds and reports the size the container
    declares; the container's tables give every picture's time, and an H.264
    stream's parameter set the size its pictures decode to.
    """
    container = read_container(path)
    changes: dict[str, object] = {}
    if container is not None:
        changes.update(
            frame_count=container.frame_count,
            frame_times=container.frame_times,
            variable_frame_rate=container.variable_frame_rate,
        )
        if container.duration_s > info.duration_s:
            changes["duration_s"] = round(container.duration_s, 6)
    coded = coded_picture_size(path)
    if coded is not None and info.width and info.height and coded != (info.width, info.height):
        log.info(
            "%s: the container declares %dx%d, the stream decodes to %dx%d",
            path.name,
            info.width,
            info.height,
            *coded,
        )
        changes.update(
            width=coded[0],
            height=coded[1],
            container_width=info.width,
            container_height=info.height,
        )
    return dataclasses.replace(info, **changes) if changes else info  # type: ignore[arg-type]


class VlcMediaProbe:
    """A `core.media_info.MediaProbe` backed by libvlc."""

    def __init__(
        self,
        runtime: VlcRuntime | None = None,
        *,
        parse_timeout_s: float = 3.0,
        play_timeout_s: float = 3.0,
    ) -> None:
        self._runtime = runtime
        self.parse_timeout_s = parse_timeout_s
        self.play_timeout_s = play_timeout_s
        self._cache: dict[tuple[str, int, int], tuple[MediaInfo, float]] = {}
        self._gif_ticks: dict[tuple[str, int, int], tuple[int, ...]] = {}
        self._first_prints: dict[tuple[str, int, int, int, int], tuple[bytes, ...]] = {}
        self._lock = threading.Lock()

    @property
    def runtime(self) -> VlcRuntime:
        if self._runtime is None:
            self._runtime = shared_runtime()
        return self._runtime

    def probe(self, path: Path) -> MediaInfo:
        """The file's facts, its picture size being the size its stream decodes to."""
        return self._facts(path)[0]

    def probe_full(self, path: Path) -> tuple[MediaInfo, float]:
        """The facts playback needs, plus the sample aspect ratio (1.0 for square pixels).

        Its picture size is the one libvlc delivers pictures at: when the container
        declares another size than the stream's (`container_width`), libvlc plays the
        declared one, and asking it for any other size would add a scaler that
        loses pictures at the start and so shifts every frame number.
        """
        info, sar = self._facts(path)
        if info.container_width and info.container_height:
            info = dataclasses.replace(
                info, width=info.container_width, height=info.container_height
            )
        return info, sar

    def _facts(self, path: Path) -> tuple[MediaInfo, float]:
        path = Path(path)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise MediaProbeError(f"{path}: file not found") from None
        except OSError as exc:
            raise MediaProbeError(f"{path}: cannot be read ({exc.strerror})") from None
        if not path.is_file():
            raise MediaProbeError(f"{path}: not a file")
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit
        if st.st_size == 0:
            raise MediaProbeError(f"{path}: file is empty")
        with path.open("rb") as fh:
            magic = fh.read(6)
        if magic in GIF_MAGICS:
            result = self._probe_gif(path)
        elif path.suffix.lower() in STILL_SUFFIXES:
            w, h = still_image_size(path)
            result = (MediaInfo(0.0, None, w, h, has_video=True, has_audio=False), 1.0)
        else:
            result = self._probe_av(path)
            info = result[0]
            width = info.container_width or info.width
            height = info.container_height or info.height
            if info.has_video and width and height:
                # ready before the clip first plays (the case validator probes every file),
                # at the size playback delivers pictures at (see probe_full)
                self.first_frame_prints(path, width, height)
        with self._lock:
            self._cache[key] = result
        return result

    def gif_picture_ticks(self, path: Path) -> tuple[int, ...] | None:
        """For a GIF, how many frame-rate ticks each distinct picture lasts.

        A picture that repeats the one before it exactly is merged into it, so
        every picture libvlc delivers differs from the previous one and an
        exact repeat can only be libvlc showing the same picture again. None
        for anything else.
        """
        path = Path(path)
        if not is_gif(path):
            return None
        try:
            st = path.stat()
            timing = gif_timing(path)
        except (MediaProbeError, OSError):
            return None
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
        with self._lock:
            hit = self._gif_ticks.get(key)
        if hit is None:
            hit = _merge_repeats(path, timing)
            with self._lock:
                self._gif_ticks[key] = hit
        return hit

    def first_frame_prints(self, path: Path, width: int, height: int) -> tuple[bytes, ...]:
        """Fingerprints of the first frames, for a file whose start libvlc shows early.

        Empty for other files. Cached like the probe, so a case validated at
        load has them ready when the clip starts (see `first_frames`).
        """
        path = Path(path)
        if not needs_first_frames(path):
            return ()
        try:
            st = path.stat()
        except OSError:
            return ()
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns, width, height)
        with self._lock:
            hit = self._first_prints.get(key)
        if hit is None:
            hit = first_frame_prints(self.runtime.instance, path, width, height)
            with self._lock:
                self._first_prints[key] = hit
        return hit

    def _probe_gif(self, path: Path) -> tuple[MediaInfo, float]:
        timing = gif_timing(path)
        if not timing.is_animated:
            # One frame: a still image, shown by the image reader like a PNG.
            info = MediaInfo(
                0.0, None, timing.width, timing.height, has_video=True, has_audio=False
            )
            return info, 1.0
        info, sar = self._probe_av(path, GIF_MEDIA_OPTIONS)
        if not info.has_video:
            raise MediaProbeError(f"{path.name}: the GIF animation could not be decoded")
        # Timing comes from the file's own delays, which libavformat plays;
        # libvlc's answer confirms that the file decodes.
        if info.duration_s and abs(info.duration_s - timing.duration_s) > 0.05:
            log.info(
                "%s: libvlc reports %.3f s, the GIF's delays add up to %.3f s",
                path.name,
                info.duration_s,
                timing.duration_s,
            )
        gif = MediaInfo(
            duration_s=timing.duration_s,
            frame_rate=timing.frame_rate,
            width=info.width or timing.width,
            height=info.height or timing.height,
            has_video=True,
            has_audio=False,
            frame_count=timing.frame_count,
            frame_times=tuple(
                t / 100.0 for t in itertools.accumulate(timing.delays_cs[:-1], initial=0)
            ),
            variable_frame_rate=not timing.constant_rate,
            frames_are_ticks=True,
        )
        return gif, sar

    def _probe_av(self, path: Path, options: tuple[str, ...] = ()) -> tuple[MediaInfo, float]:
        inst = self.runtime.instance
        media = inst.media_new_path(str(path))
        for option in options:
            media.add_option(option)
        try:
            done = threading.Event()
            em = media.event_manager()

            def _parsed(_ev: object) -> None:
                done.set()

            em.event_attach(vlc.EventType.MediaParsedChanged, _parsed)
            timeout_ms = int(self.parse_timeout_s * 1000)
            media.parse_with_options(vlc.MediaParseFlag.local, timeout_ms)
            done.wait(self.parse_timeout_s + 0.5)
            em.event_detach(vlc.EventType.MediaParsedChanged)
            status = media.get_parsed_status()
            if status == vlc.MediaParsedStatus.timeout:
                log.info("%s: parsing timed out; probing by playback", path.name)
            facts = read_tracks(media)
            duration_ms = media.get_duration()
            if not (facts.has_video and facts.frame_rate and facts.width) and not (
                facts.has_audio and not facts.has_video and duration_ms > 0
            ):
                facts, duration_ms = self._probe_by_playing(media, facts, duration_ms)
        finally:
            media.release()
        if not facts.has_video and not facts.has_audio:
            raise MediaProbeError(
                f"{path.name}: no audio or video stream could be decoded "
                "(unsupported format or damaged file)"
            )
        duration = max(0.0, duration_ms / 1000.0) if duration_ms and duration_ms > 0 else 0.0
        info = MediaInfo(
            duration_s=duration,
            frame_rate=facts.frame_rate if facts.has_video else None,
            width=facts.width if facts.has_video else None,
            height=facts.height if facts.has_video else None,
            has_video=facts.has_video,
            has_audio=facts.has_audio,
        )
        if facts.has_video:
            info = _with_container_facts(path, info)
        return info, facts.sar

    def _probe_by_playing(
        self, media: vlc.Media, facts: TrackFacts, duration_ms: int
    ) -> tuple[TrackFacts, int]:
        """Play into null sinks until libvlc has seen the streams (program streams, odd files)."""
        player = self.runtime.instance.media_player_new()
        finished = threading.Event()
        scratch = (ctypes.c_uint8 * (4096 * 2304 * 4))()

        @vlc.CallbackDecorators.VideoFormatCb
        def _format(_op, chroma, width, height, pitches, lines):  # type: ignore[no-untyped-def]
            ctypes.memmove(chroma, b"RV32", 4)
            width[0], height[0] = min(width[0], 4096), min(height[0], 2304)
            pitches[0], lines[0] = width[0] * 4, height[0]
            return 1

        @vlc.CallbackDecorators.VideoLockCb
        def _lock(_op, planes):  # type: ignore[no-untyped-def]
            planes[0] = ctypes.addressof(scratch)
            return None

        try:
            player.audio_output_set("adummy")
            player.video_set_callbacks(_lock, None, None, None)
            player.video_set_format_callbacks(_format, None)
            em = player.event_manager()
            for ev in (
                vlc.EventType.MediaPlayerEndReached,
                vlc.EventType.MediaPlayerEncounteredError,
            ):
                em.event_attach(ev, lambda _e: finished.set())
            player.set_media(media)
            player.audio_set_mute(True)
            player.play()
            start = time.monotonic()
            new = facts
            while time.monotonic() - start < self.play_timeout_s:
                new = read_tracks(media)
                if new.has_video and new.frame_rate and new.width:
                    break
                if finished.is_set() or (new.has_audio and time.monotonic() - start > 0.5):
                    break
                time.sleep(0.01)
            facts = new if (new.has_video or new.has_audio) else facts
            duration_ms = media.get_duration() or player.get_length() or duration_ms
        finally:
            player.stop()
            player.release()
        return facts, duration_ms
