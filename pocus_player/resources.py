"""Where the shipped schema, demo cases, demo media and demo keys live.

In a wheel (and a frozen build) they sit in `pocus_player/_data/`; in a source
checkout they are the top-level folders. Everything else asks here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder holding `schemas/`, `cases/`, `assets/` and `pocus-content.yaml`."""
    installed = _PACKAGE_DIR / "_data"
    if (installed / "schemas").is_dir():
        return installed
    return _PACKAGE_DIR.parent


def schema_path() -> Path:
    return data_root() / "schemas" / "case.schema.json"


def cases_dir() -> Path:
    return data_root() / "cases"


def assets_dir() -> Path:
    return data_root() / "assets"


def demo_cases() -> list[Path]:
    return sorted(cases_dir().glob("*.yaml"))


def demo_board_recipient() -> Path:
    return assets_dir() / "keys" / "demo-board.pub"


def demo_board_identity() -> Path:
    return assets_dir() / "keys" / "demo-board.key"


def demo_signing_key() -> Path:
    """The demo board's Ed25519 signing key (published: demos and tests only)."""
    return assets_dir() / "keys" / "demo-board.sign.key"


def demo_signing_public() -> Path:
    return assets_dir() / "keys" / "demo-board.sign.pub"
