"""The media list's files: paths resolved inside the content root, probed, captions read.

Also what a reference to a media item means to the parts that hold one (steps,
question images): the item must exist and be of a kind the reference can use.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from pocus_player.core.media_info import MediaInfo, MediaProbeError
from pocus_player.core.semantic.context import CheckContext, dicts_of
from pocus_player.core.yaml_source import JsonPath

SPOKEN_KINDS = {"narration", "encounter_video"}
CAPTION_SUFFIXES = {".vtt", ".srt"}


def check_media(ctx: CheckContext) -> None:
    for i, item in dicts_of(ctx.data.get("media")):
        kind = item.get("kind") if isinstance(item.get("kind"), str) else None
        rel = item.get("file")
        mid = item.get("id")
        if not isinstance(rel, str) or not rel:
            continue
        target = resolve(ctx, rel, ("media", i, "file"), "media file")
        cap = item.get("captions")
        if isinstance(cap, str) and cap:
            check_caption_file(ctx, i, cap, target)
        elif kind in SPOKEN_KINDS and "captions" not in item:
            ctx.report(
                ("media", i, "id"),
                f"spoken media {mid!r} needs a captions file (WebVTT or SRT)",
            )
        if kind == "still" and "loop" in item:
            ctx.report(("media", i, "loop"), "a still image cannot loop")
        if target is None or ctx.probe is None or not isinstance(mid, str):
            continue
        info = probe_file(ctx, target)
        if isinstance(info, MediaProbeError):
            ctx.report(("media", i, "file"), f"media file {rel!r} cannot be used: {info}")
            continue
        ctx.media_info[mid] = info
        _check_tracks(ctx, i, kind, rel, info)


def _check_tracks(ctx: CheckContext, i: int, kind: str | None, rel: str, info: MediaInfo) -> None:
    """The probed file has what its kind promises: pictures, sound, or no motion."""
    if kind in ("cine", "encounter_video") and not info.has_video:
        ctx.report(("media", i, "file"), f"{kind} {rel!r} has no video track")
    if kind == "narration" and not info.has_audio:
        ctx.report(("media", i, "file"), f"narration {rel!r} has no audio track")
    if kind == "still" and info.duration_s > 0:
        ctx.report(("media", i, "kind"), f"{rel!r} is a video, not a still image; use kind 'cine'")


def resolve(ctx: CheckContext, rel: str, path: JsonPath, what: str) -> Path | None:
    """Resolve a script-relative path, refusing anything outside the content root."""
    bad = next((ch for ch in rel if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F), None)
    if bad is not None:
        ctx.report(
            path,
            f"{what} {rel!r} contains the control character U+{ord(bad):04X}; "
            "a file name cannot hold it",
        )
        return None
    if (
        PurePosixPath(rel).is_absolute()
        or PureWindowsPath(rel).is_absolute()
        or PureWindowsPath(rel).drive
    ):
        ctx.report(
            path, f"{what} {rel!r} is an absolute path; give a path relative to the case script"
        )
        return None
    if "\\" in rel:
        ctx.report(
            path, f"{what} {rel!r} uses backslashes; use '/' so the case works on every system"
        )
        return None
    target = (ctx.case_dir / rel).resolve()
    if not target.is_relative_to(ctx.content_root):
        ctx.report(
            path, f"{what} {rel!r} points outside the case's content folder {ctx.content_root}"
        )
        return None
    if not target.is_file():
        ctx.report(path, f"{what} {rel!r} not found (looked for {target})")
        return None
    ctx.resolved[rel] = target
    return target


def probe_file(ctx: CheckContext, target: Path) -> MediaInfo | MediaProbeError:
    """The probe's answer for a file, asked once per file across the loads sharing the cache."""
    cached = ctx.probe_cache.get(target)
    if cached is None:
        assert ctx.probe is not None
        try:
            cached = ctx.probe.probe(target)
        except MediaProbeError as exc:
            cached = exc
        ctx.probe_cache[target] = cached
    return cached


def check_caption_file(ctx: CheckContext, i: int, rel: str, media_target: Path | None) -> None:
    path: JsonPath = ("media", i, "captions")
    if Path(rel).suffix.lower() not in CAPTION_SUFFIXES:
        ctx.report(path, f"captions {rel!r} must be a WebVTT (.vtt) or SRT (.srt) file")
        return
    target = resolve(ctx, rel, path, "captions file")
    if target is None:
        return
    from pocus_player.core import captions  # local: keeps loading cheap for caption-less cases

    try:
        track = captions.load_captions(target)
    except captions.CaptionError as exc:
        for problem in exc.errors:
            at = f" line {problem.line}" if problem.line else ""
            ctx.report(path, f"captions {rel!r}{at}: {problem.message}")
        return
    if media_target is not None and ctx.probe is not None:
        info = probe_file(ctx, media_target)
        if isinstance(info, MediaInfo) and info.duration_s > 0:
            for cue in captions.cues_past(track, info.duration_s):
                ctx.report(
                    path,
                    f"captions {rel!r}: cue {cue.index} ends at {cue.end_s:.3f} s, "
                    f"after the media ends ({info.duration_s:.3f} s)",
                )


def media_ref(
    ctx: CheckContext, path: JsonPath, mid: Any, kinds: set[str], role: str
) -> dict[str, Any] | None:
    """The media item a reference names, if it exists and is of one of `kinds`."""
    if not isinstance(mid, str):
        return None
    item = ctx.media.get(mid)
    if item is None:
        ctx.report(path, f"{role} refers to unknown media {mid!r}")
        return None
    if not isinstance(item.get("kind"), str) or item["kind"] not in kinds:
        ctx.report(
            path,
            f"{role} {mid!r} is a {item.get('kind')}; expected one of {', '.join(sorted(kinds))}",
        )
        return None
    return item


def picture_times(
    ctx: CheckContext, item: dict[str, Any] | None, info: MediaInfo | None
) -> tuple[float, ...] | None:
    """Each frame's time when frames are the file's pictures (not a GIF's ticks)."""
    if item is None or info is None or not info.frame_times or info.frames_are_ticks:
        return None
    target = ctx.resolved.get(item.get("file", ""))
    if target is None or _is_gif(target):
        return None
    return info.frame_times


def _is_gif(path: Path) -> bool:
    """A GIF's frame numbers are ticks of its frame rate, not its pictures."""
    try:
        with path.open("rb") as fh:
            return fh.read(6) in (b"GIF87a", b"GIF89a")
    except OSError:
        return False
