"""Text against its background, measured from the theme's colours: WCAG 4.5:1, 7:1 in high contrast."""

from __future__ import annotations

import pytest

from pocus_player.ui import theme
from pocus_player.ui.contrast import AA, AAA, TEXT_ON, blend, contrast_ratio, ratios


def test_the_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert blend("#000000", "#ffffff", 0.5) == "#808080"


@pytest.mark.parametrize(
    ("colours", "least"), [(theme.LIGHT, AA), (theme.HIGH_CONTRAST, AAA)], ids=["light", "high"]
)
def test_every_text_role_is_readable(colours: theme.Colours, least: float) -> None:
    measured = ratios(colours)
    assert set(measured) == {role.name for role in TEXT_ON}
    assert {name: round(r, 2) for name, r in measured.items() if r < least} == {}


def test_every_colour_of_the_theme_is_a_role_or_not_text() -> None:
    """A colour added to the theme is either listed as a text role or named here as not text."""
    not_text = {"border", "focus"}  # lines and rings (WCAG 1.4.11 asks 3:1 of those)
    used = {f for role in TEXT_ON for f in (role.text, role.background)} | {"accent"}
    assert set(theme.Colours.__dataclass_fields__) == used | not_text


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.HIGH_CONTRAST], ids=["light", "high"])
def test_focus_rings_and_borders_stand_out(colours: theme.Colours) -> None:
    assert contrast_ratio(colours.focus, colours.surface) >= 3.0
    assert contrast_ratio(colours.focus, colours.window) >= 3.0
