"""The shared look: a calm light theme and a high-contrast theme, with text scaled 100-200 %.

Widgets never set colours themselves; they set an object name or a `role`
property and this stylesheet styles it:

    objectName  Title, Subtitle, Timer, Receipt, CandidateHeader, Cover, Card
    role        "error", "warning", "ok", "muted", "primary" (buttons), "danger" (buttons)

`apply(app, high_contrast, scale)` may be called again at any time (the proctor
switching larger text on); sizes are in points so they follow the display's
scale factor, which Qt applies itself.

Start-up speed: the first use of PySide6's `Qt` namespace builds ~100 Python enum
classes (15-30 ms). The proctor's PIN screen (this module, `app`, `start_window`,
`proctor_panel`) therefore never touches `Qt` before it is on screen: focus calls use
`setFocus()` (its default reason), the one enum it needs is set by value, and modules
import `Qt` inside the functions that run after the PIN. `tests/ui/test_app_startup.py`
holds the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QWidget

BASE_POINT_SIZE = 11.0
MIN_SCALE, MAX_SCALE = 1.0, 2.0


@dataclass(frozen=True, slots=True)
class Colours:
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    focus: str
    border: str
    error: str
    error_bg: str
    warning: str
    warning_bg: str
    ok: str
    ok_bg: str
    cover: str
    cover_text: str
    danger: str


LIGHT = Colours(
    window="#f4f6f8",
    surface="#ffffff",
    text="#1b1f23",
    muted="#4a5560",
    accent="#1d5fa8",
    accent_text="#ffffff",
    focus="#d4720c",
    border="#b8c2cc",
    error="#a4161a",
    error_bg="#fdecea",
    warning="#7a4b00",
    warning_bg="#fff4d6",
    ok="#1e6b34",
    ok_bg="#e6f4ea",
    cover="#26323d",
    cover_text="#ffffff",
    danger="#a4161a",
)

HIGH_CONTRAST = Colours(
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    focus="#00ffff",
    border="#ffffff",
    error="#ff6b6b",
    error_bg="#000000",
    warning="#ffff00",
    warning_bg="#000000",
    ok="#7CFC00",
    ok_bg="#000000",
    cover="#000000",
    cover_text="#ffffff",
    danger="#ff6b6b",
)


def clamp_scale(scale: float) -> float:
    return min(MAX_SCALE, max(MIN_SCALE, float(scale)))


def colours(high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else LIGHT


def stylesheet(high_contrast: bool = False, scale: float = 1.0) -> str:
    c = colours(high_contrast)
    pt = BASE_POINT_SIZE * clamp_scale(scale)
    focus_w = 3
    return f"""
QWidget {{ color: {c.text}; font-size: {pt:.1f}pt; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {c.window}; }}
QLabel#Title {{ font-size: {pt * 1.7:.1f}pt; font-weight: 600; }}
QLabel#HeaderTitle {{ font-weight: 600; }}
QLabel#Subtitle {{ font-size: {pt * 1.25:.1f}pt; font-weight: 600; }}
QLabel#Timer {{ font-size: {pt * 1.2:.1f}pt; font-weight: 700; padding: 2px 10px;
    border: 2px solid {c.border}; border-radius: 6px; background: {c.surface}; }}
QLabel#Timer[low="true"] {{ color: {c.error}; border-color: {c.error}; }}
QLabel#Receipt {{ font-size: {pt * 2.2:.1f}pt; font-weight: 700; letter-spacing: 2px;
    padding: 12px; border: 2px dashed {c.border}; background: {c.surface}; }}
QWidget#CandidateHeader {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
QWidget#Card, QFrame#Card {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 8px; }}
QWidget#Cover {{ background: {c.cover}; }}
QWidget#Cover QLabel {{ color: {c.cover_text}; }}
QLabel[role="error"] {{ color: {c.error}; background: {c.error_bg}; padding: 6px;
    border: 1px solid {c.error}; border-radius: 4px; }}
QLabel[role="warning"] {{ color: {c.warning}; background: {c.warning_bg}; padding: 6px;
    border: 1px solid {c.warning}; border-radius: 4px; }}
QLabel[role="ok"] {{ color: {c.ok}; background: {c.ok_bg}; padding: 6px;
    border: 1px solid {c.ok}; border-radius: 4px; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QPushButton {{ background: {c.surface}; border: 2px solid {c.border}; border-radius: 6px;
    padding: 6px 16px; min-height: 1.6em; }}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:disabled {{ color: {c.muted}; border-style: dashed; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text};
    border-color: {c.accent}; font-weight: 600; }}
QPushButton[role="danger"] {{ color: {c.danger}; border-color: {c.danger}; }}
QPushButton:focus, QToolButton:focus {{ border: {focus_w}px solid {c.focus}; }}
QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QListWidget, QSpinBox, QDoubleSpinBox {{
    background: {c.surface}; border: 2px solid {c.border}; border-radius: 4px; padding: 4px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus, QListWidget:focus,
QSpinBox:focus, QDoubleSpinBox:focus {{ border: {focus_w}px solid {c.focus}; }}
QCheckBox:focus, QRadioButton:focus {{ outline: none; border: {focus_w}px solid {c.focus};
    border-radius: 4px; }}
QCheckBox, QRadioButton {{ padding: 3px; border: {focus_w}px solid transparent; }}
QProgressBar {{ border: 1px solid {c.border}; border-radius: 4px; text-align: center;
    background: {c.surface}; min-height: 1.2em; }}
QProgressBar::chunk {{ background: {c.accent}; }}
QScrollArea {{ border: none; }}
""" + indicator_rule(scale)


#: The side of a check box or radio button indicator at 100 % text, in pixels.
INDICATOR_PX = 16


def indicator_rule(scale: float) -> str:
    """Check box and radio indicators grow with the text (a style's indicator is a fixed
    size in pixels, so at 200 % text the box would stay small beside large words)."""
    side = round(INDICATOR_PX * clamp_scale(scale))
    return (
        f"QCheckBox::indicator, QRadioButton::indicator {{ width: {side}px; height: {side}px; }}\n"
    )


def palette(high_contrast: bool) -> QPalette:
    c = colours(high_contrast)
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(c.window))
    pal.setColor(role.WindowText, QColor(c.text))
    pal.setColor(role.Base, QColor(c.surface))
    pal.setColor(role.AlternateBase, QColor(c.window))
    pal.setColor(role.Text, QColor(c.text))
    pal.setColor(role.Button, QColor(c.surface))
    pal.setColor(role.ButtonText, QColor(c.text))
    pal.setColor(role.Highlight, QColor(c.accent))
    pal.setColor(role.HighlightedText, QColor(c.accent_text))
    pal.setColor(role.ToolTipBase, QColor(c.surface))
    pal.setColor(role.ToolTipText, QColor(c.text))
    pal.setColor(role.PlaceholderText, QColor(c.muted))
    return pal


def apply(app: QApplication, high_contrast: bool = False, scale: float = 1.0) -> None:
    """Style the whole application; call again to switch theme or text size."""
    app.setPalette(palette(high_contrast))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * clamp_scale(scale))
    app.setFont(font)
    app.setStyleSheet(stylesheet(high_contrast, scale))
    app.setProperty("pocus_text_scale", clamp_scale(scale))
    app.setProperty("pocus_high_contrast", bool(high_contrast))


def current_scale(app: QApplication | None = None) -> float:
    app = app or QApplication.instance()  # type: ignore[assignment]
    value = app.property("pocus_text_scale") if app is not None else None
    return float(value) if value else 1.0


def set_role(widget: QWidget, role: str | None) -> None:
    """Set the `role` property and re-polish so the stylesheet notices (a widget whose
    window was never shown needs no re-polish: showing it polishes it with this role)."""
    widget.setProperty("role", role or "")
    if widget.window().windowHandle() is None:
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if isinstance(widget, QFrame):
        # A role may bring padding and a border. A frame (a QLabel is one) works out its
        # frame width only when its frame style is set, so set it again: the layout then
        # gets the new size. (Re-polishing alone left the padding out.)
        widget.setFrameStyle(widget.frameStyle())
    widget.update()


def card_page(card: QWidget, width: int = 760) -> QWidget:
    """A page showing `card` centred, up to `width` px wide at 100 % text (wider with larger
    text), inside a scroll area so that nothing is ever cut off at 200 %. On a narrower
    screen the card narrows with it (never below what its contents need): a fixed width
    here once made the window wider than a 1024 px display."""
    from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout

    scale = current_scale()
    card.setMaximumWidth(int(min(1180, width * (1 + (scale - 1) * 0.6))))
    card.setSizePolicy(QSizePolicy.Policy.Expanding, card.sizePolicy().verticalPolicy())
    inner = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 1000)
    row.addStretch(1)
    col = QVBoxLayout(inner)
    col.addStretch(1)
    col.addLayout(row)
    col.addStretch(2)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(inner)
    scroll.setProperty("focusPolicy", 0)  # Qt.NoFocus, by value: see the module docstring
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return page
