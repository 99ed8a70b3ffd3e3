"""Log files: they rotate, and a message that looks like a response or a key is withheld."""

from __future__ import annotations

import logging
from pathlib import Path

from pocus_player.ui.logging_setup import (
    LOG_FILE,
    RedactSecrets,
    RotatingFile,
    setup_logging,
    shutdown_logging,
)


def test_secrets_and_responses_are_withheld(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / LOG_FILE
    log = logging.getLogger("pocus_player.test")
    try:
        log.warning("identity %s", "AGE-SECRET-KEY-1QQQQ")
        log.warning("draft %s", {"choice": "b"})
        log.warning("answer: %r", {"endpoints": [[1, 2], [3, 4]]})
        log.warning("proctor pin=1234 typed")
        log.warning("checkpoint %s submitted", "cp-1")
    finally:
        shutdown_logging()
    text = path.read_text()
    assert "AGE-SECRET-KEY" not in text and "'choice'" not in text and "endpoints" not in text
    assert "1234" not in text
    assert text.count("[message withheld") == 4
    assert "checkpoint cp-1 submitted" in text


def test_log_files_rotate(tmp_path: Path) -> None:
    handler = RotatingFile(tmp_path / "x.log", max_bytes=200, backups=2)
    handler.addFilter(RedactSecrets())
    logger = logging.getLogger("pocus_player.rotation-test")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(40):
            logger.warning("line %02d of the rotation test", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["x.log", "x.log.1", "x.log.2"]
    assert all(p.stat().st_size < 400 for p in tmp_path.iterdir())
    assert "line 39" in (tmp_path / "x.log").read_text()
