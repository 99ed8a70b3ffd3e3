"""Timing facts read from a clip's container: every picture's timestamp, the frame count, the length.

libvlc reports an AVI's length cut to whole seconds and an average frame rate for
a variable-rate MOV; the container itself states each picture's time exactly.
`read_container(path)` reads the video track of ISO base media files (MP4, MOV,
M4V) from their sample tables (`stts`, `ctts`, `mdhd`) and of AVI files from
their stream header and index (`strh`, `idx1`). It also returns the size the
container declares (the track header, the sample entry or the bitmap header),
which the probe compares with the decoded pictures' size. Anything else, or a
damaged table, gives None: the probe then keeps libvlc's answer.
"""

from __future__ import annotations

import itertools
import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

MAX_TABLE_BYTES = 64 * 1024 * 1024  # a sample table larger than this is not believed
VFR_TOLERANCE = 0.1  # frame intervals within 10 % of the typical one are one frame rate


@dataclass(frozen=True, slots=True)
class ContainerFacts:
    frame_count: int
    frame_times: tuple[float, ...]  # each picture's presentation time, from the first picture
    duration_s: float  # of the video track
    declared_width: int | None  # as the container states it
    declared_height: int | None
    variable_frame_rate: bool


def is_variable(times: tuple[float, ...]) -> bool:
    """Whether the pictures' intervals differ by more than `VFR_TOLERANCE` of the typical one."""
    gaps = sorted(b - a for a, b in itertools.pairwise(times))
    if len(gaps) < 2:
        return False
    typical = gaps[len(gaps) // 2]
    if typical <= 0:
        return True
    return gaps[0] < typical * (1 - VFR_TOLERANCE) or gaps[-1] > typical * (1 + VFR_TOLERANCE)


def read_container(path: Path) -> ContainerFacts | None:
    """The video track's timing facts, or None when the format is not read here."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(12)
            if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
                return _read_avi(fh)
            if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
                return _read_iso(fh)
    except (OSError, struct.error, ValueError) as exc:
        log.info("%s: container tables not read (%s); using libvlc's facts", path, exc)
    return None


# --------------------------------------------------------------------------- ISO base media


def _boxes(fh: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box between start and end."""
    pos = start
    while pos + 8 <= end:
        fh.seek(pos)
        size, kind = struct.unpack(">I4s", fh.read(8))
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", fh.read(8))
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _child(fh: BinaryIO, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for k, s, e in _boxes(fh, start, end):
        if k == kind:
            return s, e
    return None


def _payload(fh: BinaryIO, box: tuple[int, int]) -> bytes:
    start, end = box
    if end - start > MAX_TABLE_BYTES:
        raise ValueError("sample table too large")
    fh.seek(start)
    return fh.read(end - start)


def _read_iso(fh: BinaryIO) -> ContainerFacts | None:
    fh.seek(0, 2)
    size = fh.tell()
    moov = _child(fh, 0, size, b"moov")
    if moov is None:
        return None
    for kind, start, end in _boxes(fh, *moov):
        if kind != b"trak":
            continue
        facts = _read_trak(fh, start, end)
        if facts is not None:
            return facts
    return None


def _read_trak(fh: BinaryIO, start: int, end: int) -> ContainerFacts | None:
    mdia = _child(fh, start, end, b"mdia")
    if mdia is None:
        return None
    hdlr = _child(fh, *mdia, b"hdlr")
    if hdlr is None or _payload(fh, hdlr)[8:12] != b"vide":
        return None
    mdhd = _child(fh, *mdia, b"mdhd")
    minf = _child(fh, *mdia, b"minf")
    stbl = _child(fh, *minf, b"stbl") if minf else None
    stts = _child(fh, *stbl, b"stts") if stbl else None
    if mdhd is None or stbl is None or stts is None:
        return None
    head = _payload(fh, mdhd)
    if head[0] == 1:
        timescale, duration = struct.unpack(">IQ", head[20:32])
    else:
        timescale, duration = struct.unpack(">II", head[12:20])
    if not timescale:
        return None
    decode = _stts_times(_payload(fh, stts))
    ctts = _child(fh, *stbl, b"ctts")
    offsets = _ctts_offsets(_payload(fh, ctts), len(decode)) if ctts else None
    shown = sorted(d + (offsets[i] if offsets else 0) for i, d in enumerate(decode))
    if not shown:
        return None
    times = tuple((t - shown[0]) / timescale for t in shown)
    width, height = _declared_size(fh, start, end, stbl)
    return ContainerFacts(
        frame_count=len(times),
        frame_times=times,
        duration_s=duration / timescale,
        declared_width=width,
        declared_height=height,
        variable_frame_rate=is_variable(times),
    )


def _stts_times(data: bytes) -> list[int]:
    (count,) = struct.unpack(">I", data[4:8])
    times: list[int] = []
    t = 0
    for i in range(count):
        n, delta = struct.unpack(">II", data[8 + 8 * i : 16 + 8 * i])
        if len(times) + n > 10_000_000:
            raise ValueError("implausible sample count")
        for _ in range(n):
            times.append(t)
            t += delta
    return times


def _ctts_offsets(data: bytes, samples: int) -> list[int] | None:
    version = data[0]
    (count,) = struct.unpack(">I", data[4:8])
    fmt = ">Ii" if version == 1 else ">II"
    offsets: list[int] = []
    for i in range(count):
        n, offset = struct.unpack(fmt, data[8 + 8 * i : 16 + 8 * i])
        if version == 0 and offset >= 2**31:
            offset -= 2**32  # some writers store negative offsets in version 0
        offsets.extend([offset] * n)
        if len(offsets) > samples:
            break
    if len(offsets) < samples:
        return None  # a short table: do not guess the rest
    return offsets[:samples]


def _declared_size(
    fh: BinaryIO, trak_start: int, trak_end: int, stbl: tuple[int, int]
) -> tuple[int | None, int | None]:
    """The sample entry's size (what libvlc reports), else the track header's (display) size."""
    stsd = _child(fh, *stbl, b"stsd")
    if stsd is not None:
        entry = _payload(fh, stsd)[8:]
        if len(entry) >= 36:
            w, h = struct.unpack(">HH", entry[32:36])
            if w and h:
                return w, h
    tkhd = _child(fh, trak_start, trak_end, b"tkhd")
    if tkhd is not None:
        tw, th = struct.unpack(">II", _payload(fh, tkhd)[-8:])
        if tw >> 16 and th >> 16:
            return tw >> 16, th >> 16
    return None, None


# --------------------------------------------------------------------------- AVI


def _riff_chunks(fh: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int, bytes]]:
    """(id, data start, data size, list type or b'') of each chunk."""
    pos = start
    while pos + 8 <= end:
        fh.seek(pos)
        cid, size = struct.unpack("<4sI", fh.read(8))
        list_type = fh.read(4) if cid in (b"LIST", b"RIFF") else b""
        yield cid, pos + 8, size, list_type
        pos += 8 + size + (size & 1)


def _read_avi(fh: BinaryIO) -> ContainerFacts | None:
    fh.seek(0, 2)
    end = fh.tell()
    hdrl = movi = idx1 = None
    for cid, start, size, list_type in _riff_chunks(fh, 12, end):
        if cid == b"LIST" and list_type == b"hdrl":
            hdrl = (start + 4, start + size)
        elif cid == b"LIST" and list_type == b"movi":
            movi = start
        elif cid == b"idx1":
            idx1 = (start, size)
    if hdrl is None:
        return None
    stream = 0
    for cid, start, size, list_type in _riff_chunks(fh, *hdrl):
        if cid != b"LIST" or list_type != b"strl":
            continue
        strh = strf = None
        for sub, s, n, _ in _riff_chunks(fh, start + 4, start + size):
            fh.seek(s)
            if sub == b"strh":
                strh = fh.read(min(n, 64))
            elif sub == b"strf":
                strf = fh.read(min(n, 40))
        if strh is not None and strh[0:4] == b"vids":
            return _avi_video(fh, strh, strf, stream, movi, idx1)
        stream += 1
    return None


def _avi_video(
    fh: BinaryIO,
    strh: bytes,
    strf: bytes | None,
    stream: int,
    movi: int | None,
    idx1: tuple[int, int] | None,
) -> ContainerFacts | None:
    scale, rate, start, length = struct.unpack("<IIII", strh[20:36])
    if not scale or not rate:
        return None
    width = height = None
    if strf is not None and len(strf) >= 12:
        w, h = struct.unpack("<ii", strf[4:12])
        width, height = (w, abs(h)) if w > 0 and h else (None, None)
    # Frame slots from the index: an empty chunk is a dropped frame (the picture before stays).
    slots: list[bool] = []
    if idx1 is not None and movi is not None and idx1[1] <= MAX_TABLE_BYTES:
        fh.seek(idx1[0])
        table = fh.read(idx1[1])
        prefix = f"{stream:02d}".encode()
        for i in range(len(table) // 16):
            cid, _flags, _offset, size = struct.unpack("<4sIII", table[16 * i : 16 * i + 16])
            if cid[:2] == prefix and cid[2:4] in (b"dc", b"db"):
                slots.append(size > 0)
    if not slots:
        slots = [True] * length
    times = tuple((start + i) * scale / rate for i, shown in enumerate(slots) if shown)
    if not times:
        return None
    first = times[0]
    times = tuple(t - first for t in times)
    return ContainerFacts(
        frame_count=len(times),
        frame_times=times,
        duration_s=len(slots) * scale / rate,
        declared_width=width,
        declared_height=height,
        variable_frame_rate=is_variable(times),
    )


# --------------------------------------------------------------------------- H.264 picture size


class _Bits:
    """An exp-Golomb bit reader over one NAL unit's payload (emulation bytes removed)."""

    def __init__(self, data: bytes) -> None:
        self.data = data.replace(b"\x00\x00\x03", b"\x00\x00")
        self.pos = 0

    def bit(self) -> int:
        byte = self.pos >> 3
        if byte >= len(self.data):
            raise ValueError("SPS ends early")
        value = (self.data[byte] >> (7 - (self.pos & 7))) & 1
        self.pos += 1
        return value

    def bits(self, n: int) -> int:
        value = 0
        for _ in range(n):
            value = (value << 1) | self.bit()
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bit() == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("bad exp-Golomb code")
        return (1 << zeros) - 1 + self.bits(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k & 1 else -(k // 2)


_HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}


def h264_sps_size(sps: bytes) -> tuple[int, int]:
    """Width and height of the pictures an H.264 sequence parameter set describes (cropped)."""
    r = _Bits(sps[1:])  # past the NAL header
    profile = r.bits(8)
    r.bits(16)  # constraint flags, level
    r.ue()  # seq_parameter_set_id
    chroma_format, separate_planes = 1, 0
    if profile in _HIGH_PROFILES:
        chroma_format = r.ue()
        if chroma_format == 3:
            separate_planes = r.bit()
        r.ue()  # bit_depth_luma_minus8
        r.ue()  # bit_depth_chroma_minus8
        r.bit()  # qpprime_y_zero_transform_bypass_flag
        if r.bit():  # seq_scaling_matrix_present_flag
            for i in range(8 if chroma_format != 3 else 12):
                if r.bit():
                    last, following = 8, 8
                    for _ in range(16 if i < 6 else 64):
                        if following:
                            following = (last + r.se() + 256) % 256
                        last = following or last
    r.ue()  # log2_max_frame_num_minus4
    poc_type = r.ue()
    if poc_type == 0:
        r.ue()
    elif poc_type == 1:
        r.bit()
        r.se()
        r.se()
        for _ in range(r.ue()):
            r.se()
    r.ue()  # max_num_ref_frames
    r.bit()  # gaps_in_frame_num_value_allowed_flag
    width_mbs = r.ue() + 1
    height_units = r.ue() + 1
    frame_mbs_only = r.bit()
    if not frame_mbs_only:
        r.bit()  # mb_adaptive_frame_field_flag
    r.bit()  # direct_8x8_inference_flag
    width = width_mbs * 16
    height = height_units * 16 * (2 - frame_mbs_only)
    if r.bit():  # frame_cropping_flag
        left, right, top, bottom = r.ue(), r.ue(), r.ue(), r.ue()
        if chroma_format == 0 or separate_planes:
            unit_x, unit_y = 1, 2 - frame_mbs_only
        else:
            sub_w = 1 if chroma_format == 3 else 2
            sub_h = 2 if chroma_format == 1 else 1
            unit_x, unit_y = sub_w, sub_h * (2 - frame_mbs_only)
        width -= unit_x * (left + right)
        height -= unit_y * (top + bottom)
    if width <= 0 or height <= 0:
        raise ValueError("SPS crops the whole picture")
    return width, height


def coded_picture_size(path: Path) -> tuple[int, int] | None:
    """The size an MP4/MOV's H.264 stream decodes to (from its SPS), or None if not H.264."""
    try:
        with Path(path).open("rb") as fh:
            fh.seek(0, 2)
            moov = _child(fh, 0, fh.tell(), b"moov")
            if moov is None:
                return None
            for kind, start, end in _boxes(fh, *moov):
                if kind != b"trak":
                    continue
                avcc = _find(fh, start, end, (b"mdia", b"minf", b"stbl", b"stsd"))
                if avcc is None:
                    continue
                entries = _payload(fh, avcc)[8:]
                if entries[4:8] not in (b"avc1", b"avc3"):
                    continue
                # avcC follows the 78-byte visual sample entry (8-byte header included)
                at = 8 + 78
                while at + 8 <= len(entries):
                    size, box = struct.unpack(">I4s", entries[at : at + 8])
                    if box == b"avcC":
                        config = entries[at + 8 : at + size]
                        if config[5] & 0x1F:
                            (sps_len,) = struct.unpack(">H", config[6:8])
                            return h264_sps_size(config[8 : 8 + sps_len])
                        return None
                    if size < 8:
                        break
                    at += size
    except (OSError, struct.error, ValueError, IndexError) as exc:
        log.info("%s: picture size not read from the stream (%s)", path, exc)
    return None


def _find(fh: BinaryIO, start: int, end: int, path: tuple[bytes, ...]) -> tuple[int, int] | None:
    box: tuple[int, int] | None = (start, end)
    for kind in path:
        if box is None:
            return None
        box = _child(fh, *box, kind)
    return box
