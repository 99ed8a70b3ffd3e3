"""Rotating log files in the logs folder, with a filter that keeps secrets and answers out.

The code never logs responses or keys (the journal holds those, encrypted);
the filter is a second line of defence: a record whose text contains an age
secret key, a response object or an answer key is replaced by a note that it
was withheld, so a future careless log call cannot leak one into a file a
technician mails around.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

LOG_FILE = "pocus-player.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# age identities, a serialised response ("choice"/"choices"/"order"/"points"/"endpoints" keys),
# answer keys and rationales as they appear in case objects, and PINs.
_SECRET = re.compile(
    r"AGE-SECRET-KEY-|['\"](choice|choices|order|endpoints|points)['\"]\s*:"
    r"|\bkey_response\b|\brationale\b|\bpin\s*[=:]\s*\d",
    re.IGNORECASE,
)


class RotatingFile(logging.FileHandler):
    """Size-rotated log file (pocus-player.log, .1 ... .BACKUPS), like the stdlib's
    RotatingFileHandler, without importing `logging.handlers` (sockets, pickle, queues)
    while the start screen is coming up."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=False)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._rotate()
        except OSError:
            pass  # a full disk must not stop the exam; the line below may still fit
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        base = self.baseFilename
        for i in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


class RedactSecrets(logging.Filter):
    """Withholds a record's text when it looks like it carries a secret or a response."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # a broken format string: keep the raw template only
            text = str(record.msg)
        if _SECRET.search(text):
            record.msg = "[message withheld: it looked like it held a response or a key]"
            record.args = None
        return True


_handler: logging.Handler | None = None


def setup_logging(logs_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to a rotating file in `logs_dir` (and keep stderr for warnings). Returns the file."""
    global _handler
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    redact = RedactSecrets()
    for h in root.handlers:
        if not any(isinstance(f, RedactSecrets) for f in h.filters):
            h.addFilter(redact)
        if (
            isinstance(h, logging.StreamHandler)
            and getattr(h, "stream", None) is sys.stderr
            and h.level == logging.NOTSET
        ):
            # The console keeps showing warnings only; the file gets the detail.
            h.setLevel(logging.DEBUG if verbose else logging.WARNING)
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFile(logs_dir / LOG_FILE, MAX_BYTES, BACKUPS)
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s: %s", logs_dir, exc.strerror)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(redact)
    handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(handler)
    _handler = handler
    # libvlc is chatty at debug level; its warnings still reach the file.
    logging.getLogger("pocus_player.media.libvlc").setLevel(logging.WARNING)
    return logs_dir / LOG_FILE


def shutdown_logging() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
