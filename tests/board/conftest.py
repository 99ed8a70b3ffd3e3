"""Board-tool fixtures: sealed packages built as the package tests build them."""

from tests.core.package.conftest import build

__all__ = ["build"]
