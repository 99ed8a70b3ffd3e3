"""Command-line options the board's commands share, defined once so they read the same."""

from __future__ import annotations

import argparse
from pathlib import Path

PACKAGE_HELP = (
    "the sealed .pocusexam the files were sat from (opened with the board identity; "
    "fills in the scores of a sitting whose keys were withheld)"
)


def add_identity(parser: argparse.ArgumentParser) -> None:
    """-i/--identity: the board's identity, which opens the result files (and a package)."""
    parser.add_argument(
        "-i", "--identity", type=Path, required=True, help="the board's age identity file"
    )


def add_package(parser: argparse._ActionsContainer) -> None:
    """--package: the cases and keys from a sealed exam package instead of case scripts.

    `parser` is a parser or an argument group (the mutually exclusive one beside --case).
    """
    parser.add_argument("--package", type=Path, help=PACKAGE_HELP)
