"""Stills and captions that may live in an unlocked exam package: read from memory, never disk.

A path under a package's virtual root (see `core.package.content`) is read from the
package, decrypted into memory and decoded there (`QImage.fromData`, which uses no
cache); any other path is read as an ordinary file. The decrypted bytes are wiped
once decoded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from pocus_player.core.captions import CaptionTrack, load_captions, parse_captions
from pocus_player.core.package import content


def exists(path: Path) -> bool:
    return content.is_sealed(path) or path.is_file()


def read_image(path: Path) -> QImage:
    """The image (EXIF orientation applied); a null QImage with the reason logged if unreadable."""
    data = content.read_bytes(path)
    if data is None:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        return reader.read()
    try:
        raw = QByteArray(bytes(data))
        buffer = QBuffer(raw)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        image = reader.read()
        buffer.close()
        raw.fill(0)  # best effort: the copy Qt decoded from
        return image
    finally:
        data[:] = bytes(len(data))


def read_captions(path: Path) -> CaptionTrack:
    """A caption track from a package member or a file (CaptionError when malformed)."""
    data = content.read_bytes(path)
    if data is None:
        return load_captions(path)
    try:
        return parse_captions(bytes(data), path)
    finally:
        data[:] = bytes(len(data))
