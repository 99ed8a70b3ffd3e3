"""Project-level promises: the README's commands are what CI runs, and the core stays Qt-free."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup, flags=re.S)


def test_readme_gives_exactly_two_setup_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2, commands
    assert all("\n" not in c for c in commands)
    assert "setup-debian.sh" in commands[0] and "pocus-player" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_core_imports_neither_qt_nor_vlc() -> None:
    """Import every core module in a fresh interpreter where PySide6 and vlc cannot be imported."""
    code = (
        "import sys, pkgutil, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'vlc', 'shiboken6'):\n"
        "            raise ImportError(f'{name} is forbidden in the core')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pocus_player.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('pocus_player.core.' + m.name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: the core's, the media layer's and the board's."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = len(config["tool"]["importlinter"]["contracts"])
    assert f"{contracts} kept, 0 broken" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


def test_media_layer_has_no_widget_code() -> None:
    """The media layer may use QtCore signals, never QtWidgets (import-linter cannot name a subpackage)."""
    code = (
        "import sys, pkgutil, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in ('PySide6.QtWidgets',) or name.startswith('pocus_player.ui'):\n"
        "            raise ImportError(f'{name} is forbidden in the media layer')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pocus_player.media as media\n"
        "for m in pkgutil.iter_modules(media.__path__):\n"
        "    importlib.import_module('pocus_player.media.' + m.name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
