"""Checks a JSON Schema cannot express: ids, references, reachability, keys, files and times.

The checker works on the raw parsed data, defensively: whatever the schema
already reported as malformed is skipped here, so the two sets of problems
can be shown together. Media facts come from an injected `MediaProbe`.

The parts, each over one shared `CheckContext` and run in this order by
`SemanticChecker` (checker.py): `texts` (time limits, blank texts), `ids`,
`media_files` (paths, probes, captions; what a media reference means),
`steps` (their media and checkpoints), `questions` (uses and keys), `images`
(a question's image and regions), `graph` (branch targets, conditions,
reachability, cycles).
"""

from pocus_player.core.semantic.checker import SemanticChecker
from pocus_player.core.semantic.context import CheckContext

__all__ = ["CheckContext", "SemanticChecker"]
