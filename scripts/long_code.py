"""Lists the package's long classes (over 400 lines) and long functions (60 lines or more).

    python scripts/long_code.py [package-dir]

A long class or function is a room that holds too much to read or change
safely; this keeps the count visible. Lines are counted from the `def`/`class`
line to the last line of its body, decorators excluded.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

CLASS_LINES = 400
FUNCTION_LINES = 60


def long_code(root: Path) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    classes: list[tuple[int, str]] = []
    functions: list[tuple[int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(root.parent)
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            where = f"{rel}:{node.lineno} {node.name}"
            if isinstance(node, ast.ClassDef) and lines > CLASS_LINES:
                classes.append((lines, where))
            elif not isinstance(node, ast.ClassDef) and lines >= FUNCTION_LINES:
                functions.append((lines, where))
    return sorted(classes, reverse=True), sorted(functions, reverse=True)


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "pocus_player"
    classes, functions = long_code(root)
    print(f"classes over {CLASS_LINES} lines: {len(classes)}")
    for lines, where in classes:
        print(f"  {lines:5d}  {where}")
    print(f"functions of {FUNCTION_LINES}+ lines: {len(functions)}")
    for lines, where in functions:
        print(f"  {lines:5d}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
