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
    """import-linter's contracts in pyproject.toml: the layers' forbidden imports, the board's, and the ui's windows apart."""
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


def test_package_type_checks_under_mypy_strict() -> None:
    """mypy --strict over the whole package, with pyproject.toml's settings, reports nothing."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout, result.stdout


def test_mypy_relaxations_are_named_ui_modules_only() -> None:
    """The core and the media layer are strict without exception; the ui relaxes per module."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["packages"] == ["pocus_player"]
    for override in config.get("overrides", []):
        modules = override["module"]
        modules = [modules] if isinstance(modules, str) else modules
        for module in modules:
            assert module.startswith("pocus_player.ui."), module
            assert "*" not in module, module  # named, not a whole subtree
        assert "ignore_errors" not in override


def test_package_has_no_import_cycle() -> None:
    """No module of the package imports, directly or through others, a module that imports it."""
    code = (
        "import grimp\n"
        "g = grimp.build_graph('pocus_player', include_external_packages=False)\n"
        "for a in sorted(g.modules):\n"
        "    for b in sorted(g.find_modules_directly_imported_by(a)):\n"
        "        chain = g.find_shortest_chain(importer=b, imported=a)\n"
        "        if chain:\n"
        "            print(' -> '.join((a, *chain)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", "import cycles:\n" + result.stdout
