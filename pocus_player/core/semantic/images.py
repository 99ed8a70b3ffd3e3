"""A question's image and regions: the frame shown, the regions' shapes and frames, calibration."""

from __future__ import annotations

from typing import Any

from pocus_player.core.media_info import MediaInfo
from pocus_player.core.semantic.context import CheckContext, dicts_of
from pocus_player.core.semantic.media_files import media_ref, picture_times
from pocus_player.core.yaml_source import JsonPath

IMAGE_KINDS = {"still", "mmode", "cine", "encounter_video"}


def check_image(
    ctx: CheckContext, base: JsonPath, q: dict[str, Any], need_calibration: bool
) -> None:
    """The image a hotspot or caliper question is answered on (a caliper measures it)."""
    image = q.get("image")
    mid = (
        image
        if isinstance(image, str)
        else image.get("media")
        if isinstance(image, dict)
        else None
    )
    path: JsonPath = (*base, "image")
    item = media_ref(ctx, path, mid, IMAGE_KINDS, "question image")
    if item is None:
        return
    frame = image.get("frame") if isinstance(image, dict) else None
    kind = item.get("kind")
    if kind in ("cine", "encounter_video") and frame is None and need_calibration:
        ctx.report(
            path, f"measuring on clip {mid!r} needs a frame: image: {{media: {mid}, frame: N}}"
        )
    if kind == "still" and frame is not None:
        ctx.report((*path, "frame"), f"{mid!r} is a still image; it has no frames")
    info = ctx.media_info.get(mid) if isinstance(mid, str) else None
    _check_frames_in_clip(ctx, base, q, item, info, frame)
    if need_calibration:
        _check_calibration(ctx, base, q, mid, item)


def _check_frames_in_clip(
    ctx: CheckContext,
    base: JsonPath,
    q: dict[str, Any],
    item: dict[str, Any],
    info: MediaInfo | None,
    frame: Any,
) -> None:
    """The frame shown and the regions' first frames lie inside the probed clip."""
    count = 0
    if info and info.frame_rate and info.duration_s:
        pictures = picture_times(ctx, item, info)
        count = len(pictures) if pictures else int(info.duration_s * info.frame_rate + 1e-6)
    if count and isinstance(frame, int) and frame >= count:
        ctx.report(
            (*base, "image", "frame"), f"frame {frame} is past the clip's last frame ({count - 1})"
        )
    for ri, region in dicts_of(q.get("regions")) if count else ():
        frames = region.get("frames")
        if (
            isinstance(frames, list)
            and frames
            and isinstance(frames[0], int)
            and frames[0] >= count
        ):
            ctx.report(
                (*base, "regions", ri, "frames"),
                f"frames {frames} start past the clip's last frame ({count - 1})",
            )


def _check_calibration(
    ctx: CheckContext, base: JsonPath, q: dict[str, Any], mid: Any, item: dict[str, Any]
) -> None:
    """A measurement needs the image's scale along the axis it is taken on."""
    path: JsonPath = (*base, "image")
    if not isinstance(item.get("calibration"), dict):
        ctx.report(path, f"caliper questions need a calibrated image; {mid!r} has no calibration")
    if isinstance(q.get("key"), dict):
        unit = q["key"].get("unit")
        raw_cal = item.get("calibration")
        cal = raw_cal if isinstance(raw_cal, dict) else {}
        if unit in ("s", "ms") and "x_s_per_pixel" not in cal:
            ctx.report(
                (*base, "key", "unit"),
                f"a time measurement needs x_s_per_pixel in {mid!r}'s calibration",
            )
        if unit in ("s", "ms") and q["key"].get("axis") != "horizontal":
            ctx.report(
                (*base, "key", "unit"),
                "a time measurement is taken along the horizontal axis: set axis: horizontal",
            )


def check_region_shapes(ctx: CheckContext, base: JsonPath, q: dict[str, Any]) -> None:
    """A region a point can fall inside: a polygon with area, frames first to last."""
    for ri, region in dicts_of(q.get("regions")):
        polygon = region.get("polygon")
        if _polygon_area(polygon) == 0.0:
            ctx.report(
                (*base, "regions", ri, "polygon"),
                "the polygon's points lie on one line: it has no area, so no point "
                "can fall inside it",
            )
        frames = region.get("frames")
        if (
            isinstance(frames, list)
            and len(frames) == 2
            and all(isinstance(f, int) and not isinstance(f, bool) for f in frames)
            and frames[0] > frames[1]
        ):
            ctx.report(
                (*base, "regions", ri, "frames"),
                f"frames [{frames[0]}, {frames[1]}] end before they start; "
                "give [first, last] with first <= last",
            )


def _polygon_area(points: Any) -> float | None:
    """The area of a list of [x, y] points (shoelace), None when they are not numbers."""
    if not isinstance(points, list) or len(points) < 3:
        return None
    xy: list[tuple[float, float]] = []
    for p in points:
        if not (
            isinstance(p, list)
            and len(p) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in p)
        ):
            return None
        xy.append((float(p[0]), float(p[1])))
    twice = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(xy, xy[1:] + xy[:1], strict=True))
    return abs(twice) / 2.0
