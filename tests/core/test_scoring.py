"""Scoring: every question type and rule, edge cases, and properties over random questions."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pocus_player.core import model as m
from pocus_player.core.errors import ResponseError
from pocus_player.core.scoring import (
    CalibrationError,
    ScoreResult,
    key_response,
    parse_response,
    score,
)
from tests.core.factories import CAL, caliper, hotspot, mr, ordering, sba

NP = m.NOT_POSSIBLE


# -- result object ------------------------------------------------------------------------------


def test_score_result_round_trips_through_json() -> None:
    result = score(mr(scoring=m.ScoringRule.PARTIAL), {"choices": ["a", "b", "c"]})
    data = result.to_json()
    assert json.loads(json.dumps(data)) == data
    assert ScoreResult.from_json(data) == result
    assert ScoreResult.from_json(json.dumps(data)) == result
    assert data["rule"] == "mr.partial" and data["points"] == 1.0 and data["max_points"] == 2.0


def test_score_result_from_json_rejects_other_data() -> None:
    with pytest.raises(ValueError, match="not a score result"):
        ScoreResult.from_json({"points": 1})


# -- malformed and empty responses -------------------------------------------------------------


@pytest.mark.parametrize("question", [sba(), mr(), ordering(), hotspot(), caliper()])
def test_empty_response_scores_zero_as_no_answer(question: m.Question) -> None:
    result = score(question, {}, CAL)
    assert (result.points, result.rule, result.correct) == (0.0, "no_answer", False)
    assert result.max_points == question.points and result.domain == question.domain


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (mr(), {"choices": []}),
        (ordering(), {"order": []}),
        (hotspot(), {"points": [], "frame": None}),
    ],
)
def test_empty_lists_are_no_answer(question: m.Question, response: dict[str, object]) -> None:
    assert score(question, response).rule == "no_answer"


@pytest.mark.parametrize(
    ("question", "response", "message"),
    [
        (sba(), ["b"], "a response is a JSON object, not list"),
        (sba(), {"choices": ["b"]}, "unexpected field 'choices'"),
        (sba(), {"choice": 2}, "'choice' must be an option id"),
        (sba(), {"choice": "z"}, "'z' is not an option"),
        (sba(), {"choice": NP}, "'not_possible' is not an option"),
        (mr(), {"choices": "a"}, "'choices' must be a list of option ids"),
        (mr(), {"choices": ["a", 1]}, "'choices' must be a list of option ids"),
        (mr(), {"choices": ["a", "a"]}, "names an option more than once"),
        (mr(), {"choices": ["a", "q"]}, "'q' is not an option"),
        (mr(allow_not_possible=True), {"choices": ["a", NP]}, "cannot be chosen with other"),
        (ordering(), {"order": ["v1", "v2"]}, "every option exactly once"),
        (ordering(), {"order": ["v1", "v2", "v3", "v4", "v5"]}, "every option exactly once"),
        (hotspot(), {"frame": 3}, "missing field 'points'"),
        (hotspot(), {"points": [1, 2]}, "must be an [x, y] pair"),
        (hotspot(), {"points": "here"}, "'points' must be a list"),
        (hotspot(), {"points": [[1, 2, 3]]}, "must be an [x, y] pair"),
        (hotspot(), {"points": [[True, 2]]}, "finite number"),
        (hotspot(), {"points": [[float("nan"), 2]]}, "finite number"),
        (hotspot(), {"points": [["1", 2]]}, "finite number"),
        (hotspot(), {"points": [[1, 2], [3, 4]]}, "2 markers placed; this question takes 1"),
        (hotspot(), {"points": [[1, 2]], "frame": -1}, "'frame' must be a frame number"),
        (hotspot(), {"points": [[1, 2]], "frame": True}, "'frame' must be a frame number"),
        (hotspot(), {"points": [[1, 2]], "frame": 1.5}, "'frame' must be a frame number"),
        (caliper(), {"endpoints": [[1, 2]]}, "'endpoints' must be two"),
        (caliper(), {"endpoints": "a"}, "'endpoints' must be two"),
        (caliper(), {"endpoints": [[1, 2], [3, float("inf")]]}, "finite number"),
    ],
)
def test_malformed_responses_raise_a_clear_error(
    question: m.Question, response: object, message: str
) -> None:
    with pytest.raises(ResponseError) as info:
        score(question, response, CAL)  # type: ignore[arg-type]
    assert message in str(info.value)
    assert str(info.value).startswith(f"question {question.id!r} ({question.type.value}): ")


# -- single best answer ------------------------------------------------------------------------


def test_sba_correct_and_incorrect() -> None:
    q = sba()
    right = score(q, {"choice": "b"})
    wrong = score(q, {"choice": "a"})
    assert (right.points, right.rule, right.correct) == (1.0, "sba.correct", True)
    assert (wrong.points, wrong.rule, wrong.correct) == (0.0, "sba.incorrect", False)
    assert right.detail == {"choice": "b"}


def test_sba_not_possible_is_a_normal_option() -> None:
    keyed = sba(key=NP, allow_not_possible=True)
    assert score(keyed, {"choice": NP}).rule == "not_possible.correct"
    assert score(keyed, {"choice": NP}).points == 1.0
    assert score(keyed, {"choice": "b"}).rule == "sba.incorrect"
    offered = sba(allow_not_possible=True)
    result = score(offered, {"choice": NP})
    assert (result.points, result.rule) == (0.0, "not_possible.incorrect")


def test_sba_without_a_key_scores_nothing() -> None:
    assert score(sba(key="b", options=("a", "b")), {"choice": "a"}).points == 0.0
    keyless = replace(sba(), key=())
    assert score(keyless, {"choice": "b"}).rule == "sba.incorrect"


# -- multiple response ---------------------------------------------------------------------------


def test_mr_all_or_nothing() -> None:
    q = mr()
    assert score(q, {"choices": ["c", "a"]}).rule == "mr.correct"
    assert score(q, {"choices": ["c", "a"]}).points == 2.0
    for wrong in (["a"], ["a", "b", "c"], ["b"]):
        result = score(q, {"choices": wrong})
        assert (result.points, result.rule) == (0.0, "mr.incorrect")


@pytest.mark.parametrize(
    ("choices", "points", "rule"),
    [
        (["a", "c"], 2.0, "mr.correct"),
        (["a"], 1.0, "mr.partial"),
        (["a", "b"], 0.0, "mr.partial"),  # +1 -1
        (["a", "b", "c"], 1.0, "mr.partial"),  # +2 -1 = 1 of 2
        (["a", "b", "c", "d", "e"], 0.0, "mr.partial"),  # all options: +2 -3, floor 0
        (["b", "d"], 0.0, "mr.partial"),  # floor at 0, never negative
    ],
)
def test_mr_partial(choices: list[str], points: float, rule: str) -> None:
    result = score(mr(scoring=m.ScoringRule.PARTIAL), {"choices": choices})
    assert (result.points, result.rule) == (points, rule)
    assert result.detail["key_size"] == 2


def test_mr_partial_rounds_thirds_half_up() -> None:
    q = mr(key=("a", "b", "c"), scoring=m.ScoringRule.PARTIAL, points=1.0)
    assert score(q, {"choices": ["a"]}).points == 0.3333
    assert score(q, {"choices": ["a", "b"]}).points == 0.6667


def test_mr_not_possible_is_exclusive_and_scored() -> None:
    keyed = mr(key=(NP,), allow_not_possible=True, scoring=m.ScoringRule.PARTIAL)
    assert score(keyed, {"choices": [NP]}).rule == "not_possible.correct"
    assert score(keyed, {"choices": ["a"]}).points == 0.0
    offered = mr(allow_not_possible=True, scoring=m.ScoringRule.PARTIAL)
    result = score(offered, {"choices": [NP]})
    assert (result.points, result.rule) == (0.0, "not_possible.incorrect")


# -- ordering ------------------------------------------------------------------------------------


def test_ordering_exact_and_all_or_nothing() -> None:
    aon = ordering(scoring=m.ScoringRule.ALL_OR_NOTHING)
    assert score(aon, {"order": ["v1", "v2", "v3", "v4"]}).rule == "ordering.exact"
    result = score(aon, {"order": ["v2", "v1", "v3", "v4"]})
    assert (result.points, result.rule) == (0.0, "ordering.incorrect")


@pytest.mark.parametrize(
    ("order", "points", "longest"),
    [
        (["v1", "v2", "v4", "v3"], 2.0, 3),  # (3-1)/(4-1) of 3 points
        (["v4", "v3", "v2", "v1"], 0.0, 1),  # reversed: nothing in order
        (["v2", "v1", "v4", "v3"], 1.0, 2),  # ties: v1v3, v1v4, v2v3, v2v4 all length 2
        (["v4", "v1", "v2", "v3"], 2.0, 3),
    ],
)
def test_ordering_longest_ordered_subsequence(
    order: list[str], points: float, longest: int
) -> None:
    result = score(ordering(), {"order": order})
    assert (result.points, result.rule) == (points, "ordering.lcs")
    chain = result.detail["longest_ordered"]
    assert len(chain) == longest
    assert [o for o in order if o in chain] == chain  # a subsequence of the answer
    assert sorted(chain) == chain  # in key order (ids sort like the key here)


def test_ordering_lcs_tie_break_is_deterministic() -> None:
    q = ordering()
    first = score(q, {"order": ["v2", "v1", "v4", "v3"]})
    assert first.detail["longest_ordered"] == ["v2", "v4"]
    assert all(score(q, {"order": ["v2", "v1", "v4", "v3"]}) == first for _ in range(5))


def test_ordering_constraints() -> None:
    q = ordering(
        partial_rule=m.OrderingPartialRule.CONSTRAINTS,
        constraints=(("v1", "v2"), ("v1", "v3"), ("v3", "v4"), ("v2", "v4")),
        points=2.0,
    )
    # v3 before v2 is allowed: no constraint relates them, so this also earns full marks.
    alt = score(q, {"order": ["v1", "v3", "v2", "v4"]})
    assert (alt.points, alt.rule, alt.correct) == (2.0, "ordering.constraints", True)
    half = score(q, {"order": ["v2", "v1", "v4", "v3"]})  # v1<v3 and v2<v4 hold
    assert (half.points, half.detail["constraints_met"]) == (1.0, 2)
    assert score(q, {"order": ["v1", "v2", "v3", "v4"]}).rule == "ordering.exact"


def test_ordering_constraints_default_to_adjacent_key_pairs() -> None:
    q = ordering(partial_rule=m.OrderingPartialRule.CONSTRAINTS, points=3.0)
    result = score(q, {"order": ["v1", "v3", "v2", "v4"]})  # v1<v2 yes, v2<v3 no, v3<v4 yes
    assert (result.points, result.detail) == (2.0, {"constraints_met": 2, "constraints": 3})


def test_ordering_single_item_is_always_exact() -> None:
    q = ordering(key=("only",))
    assert score(q, {"order": ["only"]}).rule == "ordering.exact"


# -- hotspot -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "point",
    [(100, 100), (150, 120), (125, 100), (150, 110), (125.5, 110.25)],
)
def test_hotspot_rect_borders_and_inside_count(point: tuple[float, float]) -> None:
    result = score(hotspot(), {"points": [list(point)]})
    assert (result.points, result.rule) == (1.0, "hotspot.correct")


@pytest.mark.parametrize("point", [(99.999, 110), (150.001, 110), (125, 120.0001), (300, 200)])
def test_hotspot_outside_the_correct_region_misses(point: tuple[float, float]) -> None:
    result = score(hotspot(), {"points": [list(point)]})
    assert (result.points, result.rule, result.detail["misses"]) == (0.0, "hotspot.incorrect", 1)


def test_hotspot_circle_and_polygon_borders_are_inside() -> None:
    regions = (
        m.Region("c", m.Circle(0.1, 0.1, 0.2)),  # 0.3 lies exactly on the border
        m.Region("p", m.Polygon(((10, 10), (20, 10), (20, 20), (10, 20)))),
    )
    q = hotspot(regions=regions, key=("c", "p"), markers=2, scoring=m.ScoringRule.PARTIAL)
    assert score(q, {"points": [[0.3, 0.1], [15, 20]]}).points == 1.0
    assert score(q, {"points": [[0.1, -0.1], [20, 20]]}).points == 1.0
    assert score(q, {"points": [[0.3000001, 0.1], [15, 15]]}).points == 0.0  # +1 -1


def test_hotspot_overlapping_regions_do_not_double_count() -> None:
    regions = (
        m.Region("a", m.Rect(0, 0, 100, 100)),
        m.Region("b", m.Rect(50, 50, 100, 100)),
    )
    q = hotspot(regions=regions, key=("a", "b"), markers=2, scoring=m.ScoringRule.PARTIAL)
    one = score(q, {"points": [[75, 75]]})  # in both regions: credits one of them
    assert (one.points, len(one.detail["matched"])) == (0.5, 1)
    both = score(q, {"points": [[75, 75], [10, 10]]})  # the matching moves 75,75 to "b"
    assert both.points == 1.0 and sorted(both.detail["matched"]) == ["a", "b"]
    same = score(q, {"points": [[10, 10], [20, 20]]})  # two markers in one region
    assert (same.points, same.detail["misses"]) == (0.5, 0)


def test_hotspot_matching_moves_earlier_markers() -> None:
    regions = (m.Region("a", m.Rect(0, 0, 10, 10)), m.Region("b", m.Rect(5, 0, 10, 10)))
    q = hotspot(regions=regions, key=("a", "b"), markers=3, scoring=m.ScoringRule.PARTIAL)
    result = score(q, {"points": [[7, 5], [1, 1], [2, 2]]})
    assert result.points == 1.0 and result.detail["misses"] == 0


def test_hotspot_one_marker_any_of_several_correct_regions() -> None:
    regions = (m.Region("left", m.Rect(0, 0, 10, 10)), m.Region("right", m.Rect(50, 0, 10, 10)))
    q = hotspot(regions=regions, key=("left", "right"), markers=1)
    assert score(q, {"points": [[55, 5]]}).correct
    assert score(q, {"points": [[5, 5]]}).detail["required"] == 1


def test_hotspot_extra_markers_cancel_matches_under_partial() -> None:
    q = hotspot(markers=3, scoring=m.ScoringRule.PARTIAL)
    assert score(q, {"points": [[110, 110], [300, 200]]}).points == 0.0  # hit + miss
    q2 = hotspot(
        regions=(m.Region("a", m.Rect(0, 0, 10, 10)), m.Region("b", m.Rect(20, 0, 10, 10))),
        key=("a", "b"),
        markers=3,
        scoring=m.ScoringRule.PARTIAL,
    )
    result = score(q2, {"points": [[5, 5], [25, 5], [500, 500]]})
    assert (result.points, result.rule) == (0.5, "hotspot.regions")
    aon = replace(q2, scoring=m.ScoringRule.ALL_OR_NOTHING)
    assert score(aon, {"points": [[5, 5], [25, 5], [500, 500]]}).rule == "hotspot.incorrect"
    assert score(aon, {"points": [[5, 5], [25, 5]]}).rule == "hotspot.correct"


def test_hotspot_frame_ranges_on_a_cine() -> None:
    regions = (
        m.Region("early", m.Circle(50, 50, 10), frames=(0, 9)),
        m.Region("late", m.Circle(80, 50, 10), frames=(10, 19)),
    )
    q = hotspot(regions=regions, key=("early", "late"), image=m.ImageRef("cine", frame=None))
    assert score(q, {"points": [[50, 50]], "frame": 9}).correct
    assert not score(q, {"points": [[50, 50]], "frame": 10}).correct
    assert score(q, {"points": [[80, 50]], "frame": 10}).correct
    assert not score(q, {"points": [[80, 50]]}).correct  # no frame known: ranged regions off
    on_frame = replace(q, image=m.ImageRef("cine", frame=15))
    result = score(on_frame, {"points": [[80, 50]], "frame": None})
    assert result.correct and result.detail["frame"] == 15
    no_image = replace(q, image=None)
    assert not score(no_image, {"points": [[50, 50]]}).correct


def test_hotspot_distractor_regions_are_misses() -> None:
    result = score(hotspot(scoring=m.ScoringRule.PARTIAL), {"points": [[300, 200]]})
    assert (result.points, result.detail["matched"], result.detail["misses"]) == (0.0, [], 1)


# -- caliper -------------------------------------------------------------------------------------


def cal_q(**kw: object) -> m.Question:
    key = m.CaliperKey(value=2.0, unit="cm", tolerance=0.2, decimals=1)
    return replace(caliper(), caliper=replace(key, **kw))  # type: ignore[arg-type]


def test_caliper_within_and_outside_tolerance() -> None:
    q = caliper()
    right = score(q, {"endpoints": [[100, 100], [100, 260]]}, CAL)
    assert (right.points, right.rule) == (1.0, "caliper.within_tolerance")
    assert right.detail["measured"] == 2.0 and right.detail["unit"] == "cm"
    wrong = score(q, {"endpoints": [[100, 100], [100, 300]]}, CAL)  # 2.5 cm
    assert (wrong.points, wrong.rule) == (0.0, "caliper.outside_tolerance")


@pytest.mark.parametrize(
    ("pixels", "measured", "inside"),
    [
        (176, 2.2, True),  # exactly on the upper tolerance boundary
        (144, 1.8, True),  # exactly on the lower boundary
        (180, 2.3, False),  # 2.25 rounds half-up to 2.3: outside
        (179.9, 2.2, True),  # 2.24875 rounds to 2.2: inside
        (140, 1.8, True),  # 1.75 rounds half-up to 1.8: inside
        (139.9, 1.7, False),
    ],
)
def test_caliper_tolerance_boundaries_are_inclusive_after_half_up_rounding(
    pixels: float, measured: float, inside: bool
) -> None:
    result = score(caliper(), {"endpoints": [[0, 0], [0, pixels]]}, CAL)
    assert result.detail["measured"] == measured
    assert result.correct is inside


def test_caliper_zero_length_is_a_measurement_of_zero() -> None:
    result = score(caliper(), {"endpoints": [[5, 5], [5, 5]]}, CAL)
    assert (result.detail["measured"], result.rule) == (0.0, "caliper.outside_tolerance")
    zero_key = cal_q(value=0.0, tolerance=0.0)
    assert score(zero_key, {"endpoints": [[5, 5], [5, 5]]}, CAL).correct


def test_caliper_relative_tolerance_and_millimetres() -> None:
    q = cal_q(value=20.0, unit="mm", tolerance=0.1, tolerance_kind=m.ToleranceKind.RELATIVE)
    assert score(q, {"endpoints": [[0, 0], [0, 176]]}, CAL).correct  # 22.0 mm: 10 % boundary
    result = score(q, {"endpoints": [[0, 0], [0, 177]]}, CAL)  # 22.125 -> 22.1 mm
    assert (result.detail["measured"], result.correct) == (22.1, False)
    assert result.detail["allowed"] == 2.0


def test_caliper_2d_distance_and_axes() -> None:
    aniso = m.Calibration(x_cm_per_pixel=0.01, y_cm_per_pixel=0.02)
    q = cal_q(value=5.0, tolerance=0.0, decimals=2)
    # 300 px across (3 cm) and 200 px down (4 cm): 5 cm.
    assert score(q, {"endpoints": [[0, 0], [300, 200]]}, aniso).correct
    depth = cal_q(value=4.0, tolerance=0.0, axis="vertical")
    assert score(depth, {"endpoints": [[0, 0], [300, 200]]}, aniso).correct
    across = cal_q(value=3.0, tolerance=0.0, axis="horizontal")
    assert score(across, {"endpoints": [[300, 0], [0, 200]]}, aniso).correct


def test_caliper_time_on_an_mmode_strip() -> None:
    strip = m.Calibration(x_cm_per_pixel=None, y_cm_per_pixel=0.01, x_s_per_pixel=0.004)
    q = cal_q(value=800.0, unit="ms", tolerance=20.0, axis="horizontal", decimals=0)
    result = score(q, {"endpoints": [[10, 50], [210, 80]]}, strip)
    assert (result.detail["measured"], result.correct) == (800.0, True)


def test_caliper_needs_a_key_and_a_calibration() -> None:
    with pytest.raises(CalibrationError, match="needs a calibrated image"):
        score(caliper(), {"endpoints": [[0, 0], [1, 1]]})
    with pytest.raises(CalibrationError, match="has no caliper key"):
        score(replace(caliper(), caliper=None), {"endpoints": [[0, 0], [1, 1]]}, CAL)
    assert score(replace(caliper(), caliper=None), {}, None).rule == "no_answer"


# -- the key as a response -----------------------------------------------------------------------


def test_key_responses_earn_full_marks() -> None:
    regions = (
        m.Region("tri", m.Polygon(((10, 10), (30, 10), (20, 30)))),
        m.Region("ring", m.Circle(100, 100, 5), frames=(4, 8)),
        m.Region("box", m.Rect(200, 200, 10, 10)),
    )
    spot = hotspot(regions=regions, key=("tri", "ring", "box"), markers=3, image=None)
    assert key_response(spot)["frame"] == 4
    on_still = replace(spot, regions=(regions[0], regions[2]), key=("tri", "box"))
    assert key_response(on_still)["frame"] is None
    framed = replace(spot, image=m.ImageRef("cine", frame=6), markers=1)
    assert key_response(framed) == {"points": [[10, 10]], "frame": 6}
    for q in (
        sba(),
        mr(),
        ordering(),
        hotspot(),
        spot,
        on_still,
        framed,
        caliper(),
        sba(key=NP, allow_not_possible=True),
    ):
        result = score(q, key_response(q), CAL)
        assert result.correct and result.points == result.max_points, q.id
    assert key_response(replace(caliper(), caliper=cal_q().caliper)) == {}


# -- properties ----------------------------------------------------------------------------------

IDS = ("a", "b", "c", "d", "e", "f")


@st.composite
def choice_questions(draw: st.DrawFn) -> tuple[m.Question, dict[str, object]]:
    n = draw(st.integers(2, 6))
    options = IDS[:n]
    allow_np = draw(st.booleans())
    points = draw(st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 0.3333]))
    pool = options + ((NP,) if allow_np else ())
    if draw(st.booleans()):
        key = (draw(st.sampled_from(pool)),)
        q = sba(key=key[0], options=options, allow_not_possible=allow_np, points=points)
        response: dict[str, object] = draw(
            st.one_of(st.just({}), st.sampled_from(pool).map(lambda c: {"choice": c}))
        )
        return q, response
    if allow_np and draw(st.booleans()):
        key = (NP,)
    else:
        key = tuple(draw(st.lists(st.sampled_from(options), min_size=1, unique=True)))
    rule = draw(st.sampled_from(list(m.ScoringRule)))
    q = mr(key=key, options=options, allow_not_possible=allow_np, scoring=rule, points=points)
    if allow_np and draw(st.booleans()):
        return q, {"choices": [NP]}
    return q, {"choices": draw(st.lists(st.sampled_from(options), unique=True))}


@st.composite
def ordering_questions(draw: st.DrawFn) -> tuple[m.Question, dict[str, object]]:
    n = draw(st.integers(1, 6))
    key = tuple(draw(st.permutations(IDS[:n])))
    partial = draw(st.sampled_from([None, *m.OrderingPartialRule]))
    constraints: tuple[tuple[str, str], ...] = ()
    if partial is m.OrderingPartialRule.CONSTRAINTS and n > 1 and draw(st.booleans()):
        pairs = [(key[i], key[j]) for i in range(n) for j in range(i + 1, n)]
        constraints = tuple(draw(st.lists(st.sampled_from(pairs), min_size=1, unique=True)))
    q = ordering(
        key=key,
        scoring=draw(st.sampled_from(list(m.ScoringRule))),
        partial_rule=partial,
        constraints=constraints,
        points=draw(st.sampled_from([1.0, 2.0, 3.0, 0.7])),
    )
    return q, {"order": list(draw(st.permutations(key)))}


coords = st.integers(0, 200)


@st.composite
def hotspot_questions(draw: st.DrawFn) -> tuple[m.Question, dict[str, object]]:
    regions = []
    for i in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["circle", "rect", "poly"]))
        if kind == "circle":
            shape: m.Shape = m.Circle(draw(coords), draw(coords), draw(st.integers(0, 60)))
        elif kind == "rect":
            shape = m.Rect(draw(coords), draw(coords), draw(st.integers(0, 80)), draw(coords))
        else:
            shape = m.Polygon(tuple((draw(coords), draw(coords)) for _ in range(3)))
        frames = draw(st.one_of(st.none(), st.tuples(st.integers(0, 5), st.integers(5, 10))))
        regions.append(m.Region(f"r{i}", shape, frames=frames))
    key = tuple(draw(st.lists(st.sampled_from([r.id for r in regions]), min_size=1, unique=True)))
    markers = draw(st.integers(1, 4))
    q = hotspot(
        regions=tuple(regions),
        key=key,
        markers=markers,
        scoring=draw(st.sampled_from(list(m.ScoringRule))),
        image=None,
    )
    points = draw(st.lists(st.tuples(coords, coords).map(list), max_size=markers))
    return q, {"points": points, "frame": draw(st.one_of(st.none(), st.integers(0, 12)))}


@st.composite
def caliper_questions(draw: st.DrawFn) -> tuple[m.Question, dict[str, object]]:
    kind = draw(st.sampled_from(list(m.ToleranceKind)))
    q = cal_q(
        value=draw(st.sampled_from([0.5, 1.0, 2.0, 2.1, 3.75])),
        tolerance=draw(st.sampled_from([0.0, 0.05, 0.1, 0.2])),
        tolerance_kind=kind,
        unit=draw(st.sampled_from(["cm", "mm"])),
        decimals=draw(st.integers(0, 3)),
        axis=draw(st.sampled_from(["distance", "vertical", "horizontal"])),
    )
    ends = draw(st.lists(st.tuples(coords, coords).map(list), min_size=2, max_size=2))
    return q, {"endpoints": ends}


any_question = st.one_of(
    choice_questions(), ordering_questions(), hotspot_questions(), caliper_questions()
)


@settings(max_examples=300, deadline=None)
@given(any_question)
def test_property_every_score_is_between_zero_and_max(
    item: tuple[m.Question, dict[str, object]],
) -> None:
    q, response = item
    result = score(q, response, CAL)
    assert 0.0 <= result.points <= result.max_points
    if result.rule == "no_answer":
        assert result.points == 0.0 and not result.correct
    if result.points == result.max_points and q.points > 0:
        assert result.correct


@settings(max_examples=200, deadline=None)
@given(any_question)
def test_property_the_key_scores_max_and_nothing_scores_more(
    item: tuple[m.Question, dict[str, object]],
) -> None:
    q, response = item
    if q.type is m.QuestionType.CALIPER:
        q = replace(q, caliper=replace(q.caliper, endpoints=((0, 0), (0, 0))))  # type: ignore[arg-type]
        q = replace(q, caliper=replace(q.caliper, value=0.0))  # type: ignore[arg-type]
    if q.type is m.QuestionType.HOTSPOT:
        # The key response can only use regions active together on one frame.
        frame = key_response(q)["frame"]
        usable = [
            r
            for r in q.regions
            if r.id in q.key
            and (r.frames is None or (frame is not None and r.frames[0] <= frame <= r.frames[1]))
        ]
        if len(usable) < min(q.markers, len(q.key)):
            return
    best = score(q, key_response(q), CAL)
    assert best.correct and best.points == best.max_points
    assert score(q, response, CAL).points <= best.points


@settings(max_examples=200, deadline=None)
@given(any_question, st.randoms(use_true_random=False))
def test_property_display_order_never_changes_a_score(
    item: tuple[m.Question, dict[str, object]], rnd: random.Random
) -> None:
    q, response = item
    options = list(q.options)
    regions = list(q.regions)
    rnd.shuffle(options)
    rnd.shuffle(regions)
    shuffled_q = replace(q, options=tuple(options), regions=tuple(regions))
    shuffled_response = dict(response)
    if "choices" in response:
        choices = list(response["choices"])  # type: ignore[call-overload]
        rnd.shuffle(choices)
        shuffled_response["choices"] = choices
    before = score(q, response, CAL)
    after = score(shuffled_q, shuffled_response, CAL)
    assert (before.points, before.rule, before.correct) == (after.points, after.rule, after.correct)


def test_parse_response_returns_canonical_forms() -> None:
    assert parse_response(hotspot(), {"points": [(1, 2)]}) == {"points": [[1, 2]], "frame": None}
    assert parse_response(caliper(), {"endpoints": ((1, 2), (3, 4))}) == {
        "endpoints": [[1, 2], [3, 4]]
    }
    assert parse_response(mr(), {"choices": ("a",)}) == {"choices": ["a"]}
