"""Question widgets: one per question type, a shared base, and the question image loader.

    create_question_widget(question, case, image=None, parent=None) -> QuestionWidget
    load_question_image(question, case) -> QImage | None

See `base.QuestionWidget` for the interface every widget offers, and each
module for its mouse and keyboard use.
"""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from pocus_player.core.model import Case, Question, QuestionType
from pocus_player.ui.questions.base import QuestionWidget
from pocus_player.ui.questions.caliper import CaliperQuestionWidget
from pocus_player.ui.questions.choice import ChoiceQuestionWidget
from pocus_player.ui.questions.hotspot import HotspotQuestionWidget
from pocus_player.ui.questions.images import QuestionImageError, load_question_image
from pocus_player.ui.questions.ordering import OrderingQuestionWidget

__all__ = [
    "CaliperQuestionWidget",
    "ChoiceQuestionWidget",
    "HotspotQuestionWidget",
    "OrderingQuestionWidget",
    "QuestionImageError",
    "QuestionWidget",
    "create_question_widget",
    "load_question_image",
]

_WIDGETS: dict[QuestionType, type[QuestionWidget]] = {
    QuestionType.SINGLE_BEST_ANSWER: ChoiceQuestionWidget,
    QuestionType.MULTIPLE_RESPONSE: ChoiceQuestionWidget,
    QuestionType.ORDERING: OrderingQuestionWidget,
    QuestionType.HOTSPOT: HotspotQuestionWidget,
    QuestionType.CALIPER: CaliperQuestionWidget,
}


def create_question_widget(
    question: Question, case: Case, image: QImage | None = None, parent: QWidget | None = None
) -> QuestionWidget:
    """The widget for the question's type (hotspot and caliper show `image`)."""
    return _WIDGETS[question.type](question, case, image, parent)
