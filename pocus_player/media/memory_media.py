"""libvlc media played from memory (a sealed package's members), and their manifest facts.

libvlc reads such media through four C callbacks (`libvlc_media_new_callbacks`).
Each of these is a way to crash the interpreter if done loosely, so:
- the callbacks are module-level CFUNCTYPE objects, alive for the whole process
  (python-vlc keeps no reference to callbacks made inline);
- libvlc's `opaque` is a small integer handle looked up in a registry, never the
  address of a Python object that could be freed;
- each `open` gets its own cursor (libvlc opens once per player, but a seek back to
  the start may reopen), also an integer handle;
- every callback body is guarded: an exception inside a ctypes callback returns an
  undefined value, which libvlc takes as a byte count (gigabytes of garbage);
- the bytes sit in a `bytearray` pinned by a ctypes view; they are wiped and released
  only after the player that read them has been stopped (`release_owner`).

Members are decrypted whole before playing (decrypting inside the read callback
stalls on the GIL), and libvlc cannot parse callback media, so duration, rate, size
and first-frame fingerprints come from the package manifest (`probe_full` & co).
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import dataclasses
import itertools
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import vlc

from pocus_player.core.media_info import MediaInfo
from pocus_player.core.package import content

log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Source:
    data: bytearray
    view: Any  # ctypes array over `data`: pins its buffer so it cannot move
    address: int
    cursors: dict[int, int] = field(default_factory=dict)  # cursor handle -> position


_lock = threading.Lock()
_sources: dict[int, _Source] = {}
_cursors: dict[int, int] = {}  # cursor handle -> source handle
_owned: dict[int, list[int]] = {}  # owner (an engine) -> its source handles
_handles = itertools.count(1)


def _open_body(opaque: int | None, datap: Any, sizep: Any) -> int:
    with _lock:
        src = _sources.get(int(opaque or 0))
        if src is None:
            return -1
        cursor = next(_handles)
        src.cursors[cursor] = 0
        _cursors[cursor] = int(opaque or 0)
    datap[0] = ctypes.c_void_p(cursor)
    sizep[0] = len(src.data)
    return 0


def _read_body(cursor: int | None, buf: Any, size: int) -> int:
    with _lock:
        src = _sources.get(_cursors.get(int(cursor or 0), 0))
        if src is None:
            return -1
        pos = src.cursors.get(int(cursor or 0), 0)
        n = max(0, min(int(size), len(src.data) - pos))
        if n:
            ctypes.memmove(buf, src.address + pos, n)
        src.cursors[int(cursor or 0)] = pos + n
    return n


def _seek_body(cursor: int | None, offset: int) -> int:
    with _lock:
        src = _sources.get(_cursors.get(int(cursor or 0), 0))
        if src is None or offset > len(src.data):
            return -1
        src.cursors[int(cursor or 0)] = int(offset)
    return 0


def _close_body(cursor: int | None) -> None:
    with _lock:
        handle = _cursors.pop(int(cursor or 0), 0)
        src = _sources.get(handle)
        if src is not None:
            src.cursors.pop(int(cursor or 0), None)


def _open_guarded(opaque: int | None, datap: Any, sizep: Any) -> int:
    try:
        return _open_body(opaque, datap, sizep)
    except BaseException:  # an exception here would hand libvlc an undefined value
        return -1


def _read_guarded(cursor: int | None, buf: Any, size: int) -> int:
    try:
        return _read_body(cursor, buf, size)
    except BaseException:
        return -1


def _seek_guarded(cursor: int | None, offset: int) -> int:
    try:
        return _seek_body(cursor, offset)
    except BaseException:
        return -1


def _close_guarded(cursor: int | None) -> None:
    with contextlib.suppress(BaseException):
        _close_body(cursor)


# Module-level C callbacks, alive as long as the process (see the module docstring).
_on_open = vlc.CallbackDecorators.MediaOpenCb(_open_guarded)
_on_read = vlc.CallbackDecorators.MediaReadCb(_read_guarded)
_on_seek = vlc.CallbackDecorators.MediaSeekCb(_seek_guarded)
_on_close = vlc.CallbackDecorators.MediaCloseCb(_close_guarded)


def add_source(data: bytearray, owner: int) -> int:
    """Register bytes to be played; the returned handle is libvlc's opaque."""
    view = (ctypes.c_char * len(data)).from_buffer(data) if data else None
    address = ctypes.addressof(view) if view is not None else 0
    handle = next(_handles)
    with _lock:
        _sources[handle] = _Source(data, view, address)
        _owned.setdefault(owner, []).append(handle)
    return handle


def release_owner(owner: int) -> None:
    """Wipe and forget every source of `owner`; call only after its player is stopped."""
    with _lock:
        handles = _owned.pop(owner, [])
        sources = [_sources.pop(h) for h in handles if h in _sources]
        for cursor, h in list(_cursors.items()):
            if h in handles:
                del _cursors[cursor]
    for src in sources:
        if src.address:
            ctypes.memset(src.address, 0, len(src.data))
        src.view = None


def live_sources() -> int:
    with _lock:
        return len(_sources)


def is_sealed(path: Path) -> bool:
    return content.is_sealed(path)


def new_media(instance: vlc.Instance, path: Path, owner: int) -> vlc.Media:
    """A libvlc Media for `path`: from memory when it is a sealed member, else from disk.

    The owner's earlier sources are wiped first: the caller has stopped its player
    before setting a new media, so nothing reads them any more.
    """
    release_owner(owner)
    data = content.read_bytes(path)
    if data is None:
        return instance.media_new_path(str(path))
    handle = add_source(data, owner)
    return instance.media_new_callbacks(
        _on_open, _on_read, _on_seek, _on_close, ctypes.c_void_p(handle)
    )


# --------------------------------------------------------------- manifest facts


class _Prober(Protocol):
    def probe_full(self, path: Path) -> tuple[MediaInfo, float]: ...
    def gif_picture_ticks(self, path: Path) -> tuple[int, ...] | None: ...
    def first_frame_prints(self, path: Path, width: int, height: int) -> tuple[bytes, ...]: ...


def _facts(path: Path) -> Mapping[str, Any] | None:
    return content.media_facts(path)


def probe_full(probe: _Prober, path: Path) -> tuple[MediaInfo, float]:
    found = content.lookup(path)
    if found is None:
        return probe.probe_full(path)
    info = found[1].media_info
    if info is None:
        from pocus_player.core.media_info import MediaProbeError

        raise MediaProbeError(f"{path.name}: the package holds no facts for this file")
    facts = found[1].facts or {}
    if info.container_width and info.container_height:
        # libvlc plays the size the container declares (see VlcMediaProbe.probe_full)
        info = dataclasses.replace(info, width=info.container_width, height=info.container_height)
    return info, float(facts.get("sar") or 1.0)


def gif_picture_ticks(probe: _Prober, path: Path) -> tuple[int, ...] | None:
    facts = _facts(path)
    if facts is None and not content.is_sealed(path):
        return probe.gif_picture_ticks(path)
    ticks = (facts or {}).get("gif_ticks")
    return tuple(int(t) for t in ticks) if ticks else None


def first_frame_prints(probe: _Prober, path: Path, width: int, height: int) -> tuple[bytes, ...]:
    facts = _facts(path)
    if facts is None and not content.is_sealed(path):
        return probe.first_frame_prints(path, width, height)
    prints = (facts or {}).get("first_frame_prints") or ()
    return tuple(base64.b64decode(p) for p in prints)
