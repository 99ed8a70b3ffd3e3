"""Steps and their checkpoints: the media they play and show, and checkpoints in time order.

Also notes where each question is asked, for the questions part after it.
"""

from __future__ import annotations

from typing import Any

from pocus_player.core.frame_timeline import FrameTimeline
from pocus_player.core.semantic.context import CheckContext, dicts_of, strs_of
from pocus_player.core.semantic.media_files import media_ref, picture_times
from pocus_player.core.timecode import parse_time
from pocus_player.core.yaml_source import JsonPath

TIMED_KINDS = {"narration", "encounter_video", "cine", "mmode"}
REVIEW_KINDS = {"cine", "mmode", "still", "encounter_video"}


def check_steps(ctx: CheckContext) -> None:
    ctx.question_uses = {}
    for si, step in dicts_of(ctx.data.get("steps")):
        base: JsonPath = ("steps", si)
        item = media_ref(ctx, (*base, "media"), step.get("media"), TIMED_KINDS, "segment media")
        if step.get("type") == "segment" and "questions" in step:
            ctx.report(
                (*base, "questions"),
                "a segment asks its questions at checkpoints; move them there",
            )
        for ci, clip in enumerate(strs_of(step.get("clips"))):
            media_ref(ctx, (*base, "clips", ci), clip, REVIEW_KINDS, "review clip")
        media_ref(ctx, (*base, "image"), step.get("image"), {"still", "mmode"}, "step image")
        for qi, qid in enumerate(strs_of(step.get("questions"))):
            ctx.question_uses.setdefault(qid, []).append((*base, "questions", qi))
        check_checkpoints(ctx, base, step, item)


def check_checkpoints(
    ctx: CheckContext, base: JsonPath, step: dict[str, Any], item: dict[str, Any] | None
) -> None:
    """Each checkpoint falls inside its media, after the one before (by time or frame)."""
    info = ctx.media_info.get(step.get("media", "")) if item else None
    fps = (info.frame_rate if info else None) or (item or {}).get("frame_rate")
    last_t = -1.0
    for ci, cp in dicts_of(step.get("checkpoints")):
        here: JsonPath = (*base, "checkpoints", ci)
        for qi, qid in enumerate(strs_of(cp.get("questions"))):
            ctx.question_uses.setdefault(qid, []).append((*here, "questions", qi))
        t: float | None = None
        if isinstance(cp.get("at"), str):
            try:
                t = parse_time(cp["at"])
            except ValueError:
                continue  # the schema reports the format
            where: JsonPath = (*here, "at")
        elif isinstance(cp.get("frame"), int) and not isinstance(cp.get("frame"), bool):
            where = (*here, "frame")
            if not isinstance(fps, (int, float)) or fps <= 0:
                if item is not None and info is None and ctx.probe is None:
                    continue  # no probe, no authored rate: nothing to compare
                ctx.report(
                    where,
                    "a frame-numbered checkpoint needs the media's frame rate "
                    "(the file does not state one; set frame_rate on the media item)",
                )
                continue
            frame = cp["frame"]
            times = picture_times(ctx, item, info)
            # the picture's own time (a variable rate is uneven), else frame / fps
            timeline = FrameTimeline(float(fps), times)
            if times:
                if frame >= len(times):
                    ctx.report(
                        where,
                        f"frame {frame} is past the last frame of "
                        f"{item.get('file') if item else 'the media'} ({len(times) - 1})",
                    )
                    continue
            t = timeline.frame_to_s(frame)
        else:
            continue
        if t <= last_t:
            ctx.report(where, "checkpoints must be in time order, each after the one before")
        last_t = max(last_t, t)
        if info is not None and info.duration_s > 0 and t >= info.duration_s:
            ctx.report(
                where,
                f"checkpoint at {t:.3f} s is at or past the end of "
                f"{item.get('file') if item else 'the media'} ({info.duration_s:.3f} s)",
            )
