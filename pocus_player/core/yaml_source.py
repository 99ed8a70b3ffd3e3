"""Safe YAML reading that remembers where every value came from.

The libyaml composer (when available) builds the node tree; this module turns it
into plain JSON-like data while recording the line and column of every value and
every mapping key, so a schema error at `steps/3/checkpoints/0/at` can point at
its line. It accepts only the standard JSON-like tags, rejects duplicate keys and
merge keys, and reads scalars the YAML 1.2 way: `yes`/`no`/`on`/`off` stay strings
and `12:30` stays the string "12:30" instead of becoming sexagesimal 750.

Limits, so that a hostile or careless file costs milliseconds and one clear error
instead of gigabytes or a traceback:

* aliases may repeat at most `MAX_ALIAS_VALUES` values in all (a 500-byte
  "billion laughs" file would otherwise expand to 10^9 values);
* lists and mappings nest at most `MAX_DEPTH` levels (the case format needs 8);
* integers lie within +-`MAX_INTEGER` (the range JSON numbers hold exactly) and
  floats are finite: `.inf`, `.nan` and `1e999` are refused where they stand.
"""

from __future__ import annotations

import contextlib
import math
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

MAX_DEPTH = 64
MAX_ALIAS_VALUES = 100_000
MAX_INTEGER = 2**53 - 1
_MAX_INT_CHARS = 40  # longer literals are refused before int() spends time on them
_DEPTH_MESSAGE = (
    f"lists and mappings are nested more than {MAX_DEPTH} levels deep; "
    "a case script needs far fewer"
)


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


def _shown(literal: str) -> str:
    return literal if len(literal) <= 24 else f"{literal[:12]}... ({len(literal)} characters)"


def _too_large(literal: str) -> str:
    return (
        f"the whole number {_shown(literal)} is too large; whole numbers lie between "
        f"-{MAX_INTEGER} and {MAX_INTEGER}"
    )


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
        if "maximum nesting depth" in what:  # libyaml's own limit (1000 levels)
            raise YamlSourceError([YamlProblem(line, col, _DEPTH_MESSAGE)]) from None
        if exc.context:
            what = f"{what} ({exc.context}"
            ctx = exc.context_mark
            if ctx is not None and mark is not None and ctx.line != mark.line:
                what += f" that starts at line {ctx.line + 1}"
            what += ")"
        raise YamlSourceError([YamlProblem(line, col, f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as exc:  # e.g. "expected a single document"
        raise YamlSourceError([YamlProblem(1, 1, f"YAML error: {exc}")]) from None
    except RecursionError:  # pragma: no cover - only the pure-Python composer recurses
        raise YamlSourceError([YamlProblem(1, 1, _DEPTH_MESSAGE)]) from None
    if root is None:
        return Located(None)
    problems: list[YamlProblem] = []
    data = None
    with contextlib.suppress(_Expansion):  # reported; nothing built past it is worth reading
        data = _Builder(problems).build(root)
    if problems:
        raise YamlSourceError(list(dict.fromkeys(problems)))
    return Located(data, root)


class _Expansion(Exception):
    """Raised inside the builder to stop at once when aliases expand past the limit."""


class _Builder:
    """Walks the node tree once, expanding aliases within `MAX_ALIAS_VALUES`.

    The composer shares one node between an anchor and its aliases; each alias is
    built again (the data stays a tree), and the values it adds are counted from
    the node's size, measured when it was first built, before any work is done.
    """

    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        self._active: set[int] = set()  # nodes on the current path, to catch recursive aliases
        self._sizes: dict[int, int] = {}  # collection node -> values it builds to
        self._count = 0  # values built so far
        self._alias_values = 0  # of which repeated through aliases
        self._replaying = 0  # > 0 while an alias is rebuilt (its size is already counted)
        self._depth = 0

    def fail(self, node: yaml.Node, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(YamlProblem(line, col, message))

    def build(self, node: yaml.Node) -> Any:
        self._count += 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        ident = id(node)
        if ident in self._active:
            self.fail(node, "recursive alias: a node refers to itself")
            return None
        size = self._sizes.get(ident)
        if size is not None and not self._replaying:
            self._alias_values += size
            if self._alias_values > MAX_ALIAS_VALUES:
                self.fail(
                    node,
                    f"aliases repeat the value anchored here until the document would hold "
                    f"more than {MAX_ALIAS_VALUES} repeated values (a YAML alias bomb?); "
                    "write the values out or use fewer aliases",
                )
                raise _Expansion
        if self._depth >= MAX_DEPTH:
            self.fail(node, _DEPTH_MESSAGE)
            return None
        start = self._count
        self._active.add(ident)
        self._depth += 1
        if size is not None:
            self._replaying += 1
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ:
                    self.fail(node, f"tag {node.tag!r} is not allowed (only plain YAML data)")
                result: Any = [self.build(item) for item in node.value]
            elif isinstance(node, yaml.MappingNode):
                result = self.mapping(node)
            else:  # pragma: no cover - the composer yields only these
                self.fail(node, "unsupported YAML node")
                result = None
        finally:
            self._active.discard(ident)
            self._depth -= 1
            if size is not None:
                self._replaying -= 1
        if size is None:
            self._sizes[ident] = self._count - start + 1
        return result

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
            if len(value) > _MAX_INT_CHARS:
                self.fail(node, _too_large(value))
                return None
            try:
                number = int(value.replace("_", ""), 0)
            except ValueError:
                return value
            if abs(number) > MAX_INTEGER:
                self.fail(node, _too_large(value))
                return None
            return number
        if tag == _FLOAT:
            if ":" in value:
                return value
            lowered = value.lower().replace("_", "")
            if lowered in (".inf", "+.inf", "-.inf", ".nan"):
                self.fail(node, f"{value!r}: infinities and NaN are not allowed")
                return None
            try:
                real = float(lowered)
            except ValueError:
                return value
            if not math.isfinite(real):
                self.fail(node, f"the number {_shown(value)} is too large (it would be infinite)")
                return None
            return real
        if tag == _TIMESTAMP:
            return value  # dates stay text; the format has no date fields
        self.fail(node, f"tag {tag!r} is not allowed (only plain YAML data)")
        return None
