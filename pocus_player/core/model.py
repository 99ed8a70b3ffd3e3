"""The case model: frozen dataclasses a validated case script loads into.

Every object here is immutable and Qt-free, so the engine, the board tool and
the widgets can share one case without copying or defensive checks. Times are
seconds as floats; frame numbers are 0-based ints; image coordinates are pixels
of the source image (origin top-left, x right, y down).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from pocus_player.core.frame_timeline import FrameTimeline, clip_frame_rate

NOT_POSSIBLE = "not_possible"
"""Reserved option id of the first-class "a diagnosis is not possible" option."""

NOT_POSSIBLE_TEXT = "A diagnosis is not possible from the information given"

END = "end"
"""Reserved step id meaning "the case ends here" in `next` and branch targets."""


class ClinicalArea(enum.StrEnum):
    TRAUMA_FAST = "trauma_fast"
    LUNG = "lung"
    CARDIAC = "cardiac"
    AORTA = "aorta"
    DVT = "dvt"
    OBSTETRICS = "obstetrics"
    OTHER = "other"


# Picture files the app shows (PNG, JPEG, GIF); everything else goes through libvlc.
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif"})


class MediaKind(enum.StrEnum):
    NARRATION = "narration"  # audio only, spoken
    ENCOUNTER_VIDEO = "encounter_video"  # patient encounter, usually spoken
    CINE = "cine"  # 2D ultrasound cine loop
    MMODE = "mmode"  # M-mode strip, a still image or a short video
    STILL = "still"  # still ultrasound frame (PNG/JPEG)

    @property
    def is_timed(self) -> bool:
        return self not in (MediaKind.STILL,)


class QuestionType(enum.StrEnum):
    SINGLE_BEST_ANSWER = "single_best_answer"
    MULTIPLE_RESPONSE = "multiple_response"
    ORDERING = "ordering"
    HOTSPOT = "hotspot"
    CALIPER = "caliper"


class ScoringRule(enum.StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    PARTIAL = "partial"


class OrderingPartialRule(enum.StrEnum):
    LONGEST_ORDERED_SUBSEQUENCE = "longest_ordered_subsequence"
    CONSTRAINTS = "constraints"


class Navigation(enum.StrEnum):
    FORWARD_ONLY = "forward_only"
    FREE = "free"


class Mode(enum.StrEnum):
    EXAM = "exam"
    PRACTICE = "practice"


class StepType(enum.StrEnum):
    SEGMENT = "segment"  # play a media item, stopping at its checkpoints
    REVIEW = "review"  # review one or more clips, then answer questions
    QUESTIONS = "questions"  # questions only (optionally about one image)


class ToleranceKind(enum.StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class CaseMeta:
    id: str
    title: str
    clinical_area: ClinicalArea
    version: str
    authors: tuple[str, ...]
    estimated_minutes: float
    domains: tuple[Domain, ...]
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    time_limit_s: float
    navigation: Navigation = Navigation.FORWARD_ONLY
    clip_replay_limit: int | None = None  # None: unlimited
    captions_on: bool = True
    mode: Mode = Mode.EXAM
    pass_mark: float = 0.7  # fraction of max points, 0..1
    checkpoint_time_limit_s: float | None = None


@dataclass(frozen=True, slots=True)
class Calibration:
    """Pixel spacing of an image in cm per pixel, per axis.

    For an M-mode strip the x axis is time: `x_s_per_pixel` is set and
    `x_cm_per_pixel` is None.
    """

    x_cm_per_pixel: float | None
    y_cm_per_pixel: float
    x_s_per_pixel: float | None = None

    @classmethod
    def isotropic(cls, pixels_per_cm: float) -> Calibration:
        return cls(x_cm_per_pixel=1.0 / pixels_per_cm, y_cm_per_pixel=1.0 / pixels_per_cm)


@dataclass(frozen=True, slots=True)
class MediaItem:
    """A media file of the case (see `MediaKind`)."""

    id: str
    kind: MediaKind
    file: Path  # absolute, resolved, inside the content root
    title: str = ""
    captions: Path | None = None
    transcript: str = ""
    narrator: str = ""
    loop: bool = False
    frame_rate: float | None = None  # authored; the probe's rate wins when known
    calibration: Calibration | None = None
    width: int | None = None  # image size for stills, from the file
    height: int | None = None
    replay_limit: int | None = None  # overrides settings.clip_replay_limit
    # each picture's time (s, from the first) when the probe read them: frame N is the
    # N-th picture (see core.frame_timeline); None: frames follow `frame_rate`
    frame_times: tuple[float, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def timeline(self) -> FrameTimeline:
        """Frame numbers <-> media time of this clip (25 fps when no rate is known)."""
        return FrameTimeline(clip_frame_rate(self.frame_rate, None), self.frame_times)

    @property
    def is_picture(self) -> bool:
        """Shown as a picture, never played: a still, an M-mode strip saved as an image, a
        single-frame GIF. An animated GIF is a clip: the probe gave it a frame rate."""
        if self.kind is MediaKind.STILL:
            return True
        suffix = self.file.suffix.lower()
        return suffix in PICTURE_SUFFIXES and not (suffix == ".gif" and self.frame_rate)


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str
    sets_state: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[tuple[float, float], ...]


Shape = Circle | Rect | Polygon


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    shape: Shape
    label: str = ""
    frames: tuple[int, int] | None = None  # inclusive frame range on a cine loop


@dataclass(frozen=True, slots=True)
class ImageRef:
    """What a hotspot or caliper question is asked on: a still, or a frame of a clip."""

    media: str
    frame: int | None = None


@dataclass(frozen=True, slots=True)
class CaliperKey:
    value: float
    unit: str  # "cm" or "mm" (or "s"/"ms" on an M-mode time axis)
    tolerance: float
    tolerance_kind: ToleranceKind = ToleranceKind.ABSOLUTE
    decimals: int = 1  # the measurement is rounded half-up to this many decimals
    endpoints: tuple[tuple[float, float], tuple[float, float]] | None = None
    axis: str = "distance"  # "distance" (2D), "vertical" (depth), "horizontal" (time on M-mode)


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    stem: str
    points: float
    domain: str
    rationale: str
    scoring: ScoringRule = ScoringRule.ALL_OR_NOTHING
    options: tuple[Option, ...] = ()
    allow_not_possible: bool = False
    # key, by type: SBA -> (option_id,); MR -> option ids; ORDERING -> ordered ids;
    # HOTSPOT -> correct region ids; CALIPER -> () and `caliper` holds the key.
    key: tuple[str, ...] = ()
    partial_rule: OrderingPartialRule | None = None
    constraints: tuple[tuple[str, str], ...] = ()  # ordering: (a, b) means a before b
    image: ImageRef | None = None
    regions: tuple[Region, ...] = ()
    markers: int = 1  # hotspot: how many points the candidate places
    caliper: CaliperKey | None = None
    time_limit_s: float | None = None

    @property
    def display_options(self) -> tuple[Option, ...]:
        """Options as shown: authored ones, then "not possible" when allowed."""
        if self.allow_not_possible:
            return (*self.options, Option(NOT_POSSIBLE, NOT_POSSIBLE_TEXT))
        return self.options


@dataclass(frozen=True, slots=True)
class Checkpoint:
    id: str
    time_s: float | None  # exactly one of time_s / frame is set
    frame: int | None
    questions: tuple[str, ...]
    title: str = ""

    def target_time(self, timeline: FrameTimeline) -> float:
        """Media time of the authored frame's start, or the authored time."""
        if self.frame is not None:
            return timeline.frame_to_s(self.frame)
        assert self.time_s is not None
        return self.time_s

    def target_frame(self, timeline: FrameTimeline) -> int:
        """The authored frame, or the frame on screen at the authored time."""
        if self.frame is not None:
            return self.frame
        assert self.time_s is not None
        return timeline.s_to_frame(self.time_s)


@dataclass(frozen=True, slots=True)
class Condition:
    """One branch condition; all the fields that are set must hold."""

    question: str | None = None
    selected_any: tuple[str, ...] = ()  # any of these options chosen
    correct: bool | None = None  # the question scored full marks (or not)
    state: tuple[tuple[str, str], ...] = ()  # patient-state values that must hold


@dataclass(frozen=True, slots=True)
class BranchRule:
    when: tuple[Condition, ...]  # all must hold
    goto: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Next:
    rules: tuple[BranchRule, ...] = ()
    default: str | None = None  # None: the following step in the list, or the end


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    type: StepType
    title: str = ""
    media: str | None = None  # SEGMENT: the media played
    checkpoints: tuple[Checkpoint, ...] = ()
    clips: tuple[str, ...] = ()  # REVIEW: clips to review
    questions: tuple[str, ...] = ()  # REVIEW / QUESTIONS
    image: str | None = None  # QUESTIONS: an image shown beside the questions
    instructions: str = ""
    sets_state: tuple[tuple[str, str], ...] = ()
    next: Next = field(default_factory=Next)


@dataclass(frozen=True, slots=True)
class Case:
    schema_version: int
    meta: CaseMeta
    settings: Settings
    media: tuple[MediaItem, ...]
    steps: tuple[Step, ...]
    questions: tuple[Question, ...]
    source: Path  # the case script
    content_root: Path
    initial_state: tuple[tuple[str, str], ...] = ()

    def media_by_id(self, media_id: str) -> MediaItem:
        for item in self.media:
            if item.id == media_id:
                return item
        raise KeyError(media_id)

    def question_by_id(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def step_by_id(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def step_index(self, step_id: str) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)
