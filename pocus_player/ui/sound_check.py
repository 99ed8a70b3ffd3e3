"""The preflight's sound check: a generated test tone played through libvlc, confirmed by the proctor.

`SoundCheckBox` is the box on the preflight page (play the tone, "the candidate
heard it"); `TonePlayer` plays the tone through the same audio path as the exam.

Signals (SoundCheckBox):
    heard()   the proctor confirmed the candidate heard the tone
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pocus_player.ui.forms import button, message_label, show_message
from pocus_player.ui.reflow import ReflowRow


def write_tone_wav(path: Path, *, seconds: float = 1.5, freq: float = 660.0) -> Path:
    """A short sine tone with soft edges (16-bit mono, 44.1 kHz)."""
    import math
    import struct
    import wave

    rate = 44100
    n = int(seconds * rate)
    fade = int(0.05 * rate)
    frames = bytearray()
    for i in range(n):
        env = min(1.0, i / fade, (n - i) / fade)
        frames += struct.pack(
            "<h", int(0.4 * 32767 * env * math.sin(2 * math.pi * freq * i / rate))
        )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return path


class TonePlayer:
    """Plays the generated tone through libvlc (the same audio path as the exam)."""

    def __init__(self, audio_output: str | None = None) -> None:
        import tempfile

        self._audio_output = audio_output
        self._player: Any = None
        self._dir = tempfile.TemporaryDirectory(prefix="pocus-tone-")
        self.path = write_tone_wav(Path(self._dir.name) / "tone.wav")

    def play(self) -> str | None:
        """Start the tone; a plain error message when libvlc cannot play it."""
        try:
            from pocus_player.media.vlc_instance import shared_runtime

            inst = shared_runtime().instance
            if self._player is None:
                self._player = inst.media_player_new()
                if self._audio_output:
                    self._player.audio_output_set(self._audio_output)
            media = inst.media_new_path(str(self.path))
            self._player.set_media(media)
            media.release()
            if self._player.play() != 0:
                return QCoreApplication.translate(
                    "SoundCheckBox", "The test tone could not be played (libvlc refused)."
                )
        except Exception as exc:  # libvlc missing or broken: say so, do not crash
            return QCoreApplication.translate(
                "SoundCheckBox", "The test tone could not be played: {error}"
            ).format(error=exc)

        return None

    def close(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._player = None
        self._dir.cleanup()


class SoundCheckBox(QFrame):
    """Play the test tone, then confirm the candidate heard it (see the module docstring)."""

    heard = Signal()

    def __init__(self, audio_output: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.audio_output = audio_output
        self._tone: TonePlayer | None = None
        self.confirmed = False
        text = QLabel(
            self.tr(
                "Sound check: put the headphones on the candidate, play the test tone and ask "
                "whether they hear it."
            )
        )
        text.setWordWrap(True)
        self._how = text  # replaced by the tone's status once it is played (the page never scrolls)
        self.tone_button = button(
            self.tr("Play the test &tone"),
            self.tr("Play test tone"),
            self.tr("Play a short beep through the exam's audio output"),
        )
        self.tone_yes = button(
            self.tr("The candidate &heard it"),
            self.tr("Tone heard"),
            self.tr("Confirm the candidate heard the test tone"),
        )
        self.tone_status = message_label()
        row = ReflowRow()
        row.add(self.tone_button)
        row.add(self.tone_yes)
        row.add_stretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)  # tight: the preflight page never scrolls
        layout.setSpacing(4)
        layout.addWidget(text)
        layout.addWidget(row)
        layout.addWidget(self.tone_status)
        self.tone_button.clicked.connect(self.play_tone)
        self.tone_yes.clicked.connect(self.confirm)

    def play_tone(self) -> None:
        if self._tone is None:
            self._tone = TonePlayer(self.audio_output)
        error = self._tone.play()
        if error:
            show_message(self.tone_status, error)
        else:
            show_message(
                self.tone_status, self.tr("Tone playing… Did the candidate hear it?"), "warning"
            )
        self._how.hide()
        self.tone_yes.setFocus()

    def confirm(self) -> None:
        self.confirmed = True
        show_message(self.tone_status, self.tr("Sound confirmed."), "ok")
        self._how.hide()
        self.heard.emit()

    def close_tone(self) -> None:
        if self._tone is not None:
            self._tone.close()
            self._tone = None
