"""Where a session's local resume key lives: the OS keychain when there is one.

The keychain (Windows Credential Manager, macOS Keychain, the Secret Service on
Linux) is reached through `keyring`. Where none is available (a kiosk account
without a keyring daemon, a minimal Linux) the key stays in the resume file in the
per-user state folder, and that is logged: it is then readable by anyone who can
read that OS account's files, though still never part of the results folder.
"""

from __future__ import annotations

import contextlib
import logging

log = logging.getLogger(__name__)

SERVICE = "pocus-player resume key"


def _keyring() -> object | None:
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed in this build, or its backends fail to load
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def store(session_id: str, secret: str) -> bool:
    """Keep the key in the OS keychain; False (and a log line) when there is none."""
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, session_id, secret)  # type: ignore[attr-defined]
            return True
        except Exception as exc:  # locked keychain, D-Bus error...
            log.warning("the OS keychain refused the resume key (%s)", type(exc).__name__)
    log.warning(
        "no OS keychain available: the resume key of session %s is kept in its resume file "
        "in the per-user state folder (readable by this OS account)",
        session_id,
    )
    return False


def load(session_id: str) -> str | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(SERVICE, session_id)  # type: ignore[attr-defined]
    except Exception:
        return None
    return str(value) if value else None


def delete(session_id: str) -> None:
    kr = _keyring()
    if kr is None:
        return
    with contextlib.suppress(Exception):  # already gone
        kr.delete_password(SERVICE, session_id)  # type: ignore[attr-defined]
