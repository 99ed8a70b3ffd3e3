"""Contrast of the theme's text colours against what they are drawn on (WCAG 2 formula).

`TEXT_ON` lists every text role of `pocus_player.ui.theme` with its background;
`ratios()` measures them for one theme. The figures are in docs/accessibility.md
and `tests/ui/test_contrast.py` holds them at 4.5:1 (7:1 in the high-contrast theme).
Pure arithmetic, no Qt: `python -m pocus_player.ui.contrast` prints the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from pocus_player.ui.theme import HIGH_CONTRAST, LIGHT, Colours

__all__ = ["TEXT_ON", "TextRole", "blend", "contrast_ratio", "ratios", "relative_luminance"]

#: WCAG 2.x, success criteria 1.4.3 (AA) and 1.4.6 (AAA), for normal-size text.
AA, AAA = 4.5, 7.0


@dataclass(frozen=True, slots=True)
class TextRole:
    """A text colour on a background, both `Colours` fields; `tint` lays the accent over the
    background at that opacity first (a chosen option is tinted)."""

    name: str
    text: str
    background: str
    tint: float = 0.0


TEXT_ON: tuple[TextRole, ...] = (
    TextRole("text on the window", "text", "window"),
    TextRole("text on a card, field or button", "text", "surface"),
    TextRole("muted text on the window", "muted", "window"),
    TextRole("muted text on a card", "muted", "surface"),
    TextRole("disabled button, placeholder", "muted", "surface"),
    TextRole("primary button, selection", "accent_text", "accent"),
    TextRole("danger button", "danger", "surface"),
    TextRole("error message", "error", "error_bg"),
    TextRole("warning message, time notice", "warning", "warning_bg"),
    TextRole("warning text on a card or the header", "warning", "surface"),
    TextRole("confirmation, answer key", "ok", "ok_bg"),
    TextRole("timer under a minute", "error", "surface"),
    TextRole("pause and call-the-proctor cover", "cover_text", "cover"),
    TextRole("a chosen option", "text", "surface", tint=40 / 255),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    h = colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(colour: str) -> float:
    r, g, b = (_channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: str, bottom: str, opacity: float) -> str:
    """`top` laid over `bottom` at `opacity` (0-1)."""
    mixed = (
        round(t * opacity + u * (1 - opacity))
        for t, u in zip(_rgb(top), _rgb(bottom), strict=True)
    )
    return "#" + "".join(f"{v:02x}" for v in mixed)


def ratios(colours: Colours) -> dict[str, float]:
    """Each text role's contrast ratio in this theme."""
    out = {}
    for role in TEXT_ON:
        background = getattr(colours, role.background)
        if role.tint:
            background = blend(colours.accent, background, role.tint)
        out[role.name] = contrast_ratio(getattr(colours, role.text), background)
    return out


def main() -> None:
    for title, colours, least in (("light", LIGHT, AA), ("high contrast", HIGH_CONTRAST, AAA)):
        print(f"{title} theme (at least {least}:1)")
        for name, ratio in ratios(colours).items():
            print(f"  {ratio:5.2f}:1  {name}")


if __name__ == "__main__":
    main()
