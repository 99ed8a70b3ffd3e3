"""Safe YAML reading that remembers where every value came from.

The libyaml composer (when available) builds the node tree; this module turns it
into plain JSON-like data while recording the line and column of every value and
every mapping key, so a schema error at `steps/3/checkpoints/0/at` can point at
its line. It accepts only the standard JSON-like tags, rejects duplicate keys and
merge keys, and reads scalars the YAML 1.2 way: `yes`/`no`/`on`/`off` stay strings
and `12:30` stays the string "12:30" instead of becoming sexagesimal 750.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml is much faster; the pure-Python composer gives the same tree.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels without libyaml
    _Loader = yaml.SafeLoader

JsonPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP, _TIMESTAMP, _MERGE = (_TAG + t for t in ("seq", "map", "timestamp", "merge"))
_BOOLS = {"true": True, "false": False}
_NULLS = {"", "~", "null"}


class Located:
    """Parsed data plus the node tree it came from, to find any value's (line, col) on demand.

    Positions are looked up only when a problem is reported, by walking the node
    tree along the path: recording them for every value up front would double
    the cost of loading a large, valid script.
    """

    __slots__ = ("data", "root")

    def __init__(self, data: Any, root: yaml.Node | None = None) -> None:
        self.data = data
        self.root = root

    def _node(self, path: JsonPath, *, key: bool) -> yaml.Node | None:
        node = self.root
        for i, step in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == step:
                        node = k if (key and last) else v
                        break
                else:
                    return None
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                node = node.value[step]
            else:
                return None
        return node

    def where(self, path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """Position of `path` (its key with key=True), else of the nearest ancestor found."""
        p = tuple(path)
        while True:
            node = self._node(p, key=key)
            if node is not None:
                return _pos(node)
            if not p:
                return (1, 1)
            p = p[:-1]
            key = False


@dataclass(frozen=True, slots=True)
class YamlProblem:
    line: int
    col: int
    message: str


class YamlSourceError(Exception):
    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.line}:{p.col}: {p.message}" for p in problems))


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load_located(text: str) -> Located:
    """Parse one YAML document; raise YamlSourceError listing every problem found."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{what} ({exc.context}"
            ctx = exc.context_mark
            if ctx is not None and mark is not None and ctx.line != mark.line:
                what += f" that starts at line {ctx.line + 1}"
            what += ")"
        raise YamlSourceError([YamlProblem(line, col, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:  # e.g. "expected a single document"
        raise YamlSourceError([YamlProblem(1, 1, f"YAML error: {exc}")]) from None
    if root is None:
        return Located(None)
    problems: list[YamlProblem] = []
    data = _Builder(problems).build(root)
    if problems:
        raise YamlSourceError(problems)
    return Located(data, root)


class _Builder:
    """Walks the node tree once; iterative depth is bounded by the document's nesting."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        self._active: set[int] = set()  # nodes on the current path, to catch recursive aliases

    def fail(self, node: yaml.Node, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(YamlProblem(line, col, message))

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self._active:
            self.fail(node, "recursive alias: a node refers to itself")
            return None
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ:
                    self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data)")
                return [self.build(item) for item in node.value]
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node)
        finally:
            self._active.discard(id(node))
        self.fail(node, "unsupported YAML node")  # pragma: no cover - composer yields only these
        return None

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        if node.tag != _MAP:
            self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data)")
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self.fail(key_node, "merge keys ('<<') are not supported; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "mapping keys must be plain strings")
                continue
            key = key_node.value
            if key in first_seen:
                first = _pos(first_seen[key])[0]
                self.fail(key_node, f"duplicate key {key!r} (first defined at line {first})")
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if node.style and tag in (_INT, _FLOAT, _BOOL, _NULL):
            # A quoted scalar with an explicit tag; libyaml reports plain style as "".
            return value
        if tag == _NULL:
            return None if value.lower() in _NULLS else value
        if tag == _BOOL:
            lowered = value.lower()
            # YAML 1.2 booleans only; "yes"/"no"/"on"/"off" are ordinary words here.
            return _BOOLS.get(lowered, value)
        if tag == _INT:
            if ":" in value:  # YAML 1.1 sexagesimal: a clock time, keep it as text
                return value
            try:
                return int(value.replace("_", ""), 0)
            except ValueError:
                return value
        if tag == _FLOAT:
            if ":" in value:
                return value
            lowered = value.lower().replace("_", "")
            if lowered in (".inf", "+.inf", "-.inf", ".nan"):
                self.fail(node, f"{value!r}: infinities and NaN are not allowed")
                return None
            try:
                return float(lowered)
            except ValueError:
                return value
        if tag == _TIMESTAMP:
            return value  # dates stay text; the format has no date fields
        self.fail(node, f"tag {tag!r} is not allowed (only plain YAML data)")
        return None
