"""Narration and dialogue: espeak-ng speech, WAV and WebVTT captions, the scripts."""

from __future__ import annotations

import hashlib
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .common import DOCTOR_VOICE, DOCTOR_VOICE_QUICK, NARRATOR_VOICE, NURSE_VOICE, run

# --------------------------------------------------------------------------- speech


@dataclass(frozen=True)
class Line:
    spoken: str
    caption: str
    voice: tuple[str, int, int] = NARRATOR_VOICE
    at: float | None = None  # fixed start time; None follows the previous line


def synth(text: str, voice: tuple[str, int, int], work: Path) -> tuple[np.ndarray, int]:
    """One utterance as int16 samples, its leading and trailing silence trimmed."""
    wav = work / f"u{hashlib.sha1((text + repr(voice)).encode()).hexdigest()[:10]}.wav"
    name, wpm, pitch = voice
    run(["espeak-ng", "-v", name, "-s", str(wpm), "-p", str(pitch), "-w", str(wav), text])
    with wave.open(str(wav)) as wf:
        rate = wf.getframerate()
        pcm = np.frombuffer(wf.readframes(wf.getnframes()), dtype=np.int16)
    loud = np.nonzero(np.abs(pcm.astype(np.int32)) > 300)[0]
    return pcm[loud[0] : loud[-1] + 1], rate


def build_speech(
    lines: list[Line], work: Path, lead: float = 0.4, gap: float = 0.45, total: float | None = None
) -> tuple[np.ndarray, int, list[dict[str, object]]]:
    """Concatenate utterances with pauses; cue times are exact sample positions."""
    parts = [synth(ln.spoken, ln.voice, work) for ln in lines]
    rate = parts[0][1]
    cues, t = [], lead
    for ln, (pcm, r) in zip(lines, parts, strict=True):
        if r != rate:
            sys.exit("espeak-ng produced mixed sample rates")
        start = ln.at if ln.at is not None else t
        if start < t - 1e-9:
            sys.exit(f"line {ln.caption!r} would overlap the one before it")
        start = round(start * rate) / rate
        end = start + len(pcm) / rate
        cues.append({"start": start, "end": end, "text": ln.caption, "pcm": pcm})
        t = end + gap
    # A 2 s tail of silence: a checkpoint after the last words stays clear of the end,
    # which libvlc reports up to ~1 s early for audio without a sound card.
    length = t - gap + 2.0
    if total is not None:
        if t - gap + 0.6 > total:
            sys.exit(f"speech runs {t - gap + 0.6:.2f} s, longer than {total} s")
        length = total
    audio = np.zeros(round(length * rate), dtype=np.int16)
    for cue in cues:
        pcm = cue.pop("pcm")
        i = round(cue["start"] * rate)
        audio[i : i + len(pcm)] = pcm
    for cue in cues:
        cue["start"], cue["end"] = round(cue["start"], 3), round(cue["end"], 3)
    return audio, rate, cues


def write_wav(path: Path, pcm: np.ndarray, rate: int) -> None:
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(rate)
        wf.writeframes(pcm.tobytes())


def vtt_time(t: float) -> str:
    ms = round(t * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def write_vtt(path: Path, cues: list[dict[str, object]]) -> None:
    out = ["WEBVTT", ""]
    for i, cue in enumerate(cues, 1):
        out += [
            str(i),
            f"{vtt_time(cue['start'])} --> {vtt_time(cue['end'])}",
            str(cue["text"]),
            "",
        ]
    path.write_text("\n".join(out), encoding="utf-8")


def narration(folder: Path, lines: list[Line], work: Path) -> list[dict[str, object]]:
    audio, rate, cues = build_speech(lines, work)
    wav = work / f"{folder.name}-intro.wav"
    write_wav(wav, audio, rate)
    run(
        [
            "ffmpeg",
            "-y",
            "-v",
            "error",
            "-i",
            str(wav),
            "-c:a",
            "libopus",
            "-b:a",
            "20k",
            "-ac",
            "1",
            "-application",
            "voip",
            "-fflags",
            "+bitexact",
            "-flags",
            "+bitexact",
            "-map_metadata",
            "-1",
            str(folder / "intro.ogg"),
        ]
    )
    write_vtt(folder / "intro.vtt", cues)
    return cues


FAST_INTRO = [
    Line(
        "A 34-year-old man is brought in after a high-speed motorcycle collision.",
        "A 34-year-old man is brought in after a high-speed motorcycle collision.",
    ),
    Line(
        "He was the rider, and was thrown several metres from the bike.",
        "He was the rider, and was thrown several metres from the bike.",
    ),
    Line(
        "On arrival, his blood pressure is 84 over 50, and his heart rate is 128.",
        "On arrival, his blood pressure is 84/50, and his heart rate is 128.",
    ),
    Line("His Glasgow Coma Scale score is 14.", "His Glasgow Coma Scale score is 14."),
    Line(
        "His abdomen is tender in all four quadrants.",
        "His abdomen is tender in all four quadrants.",
    ),
    Line("You are asked to perform a FAST exam.", "You are asked to perform a FAST exam."),
]
LUNG_INTRO = [
    Line(
        "A 67-year-old woman becomes suddenly short of breath,",
        "A 67-year-old woman becomes suddenly short of breath,",
    ),
    Line(
        "minutes after a central venous line is placed in her right subclavian vein.",
        "minutes after a central venous line is placed in her right subclavian vein.",
    ),
    Line(
        "Her oxygen saturation is 86 percent, and her respiratory rate is 30.",
        "Her SpO2 is 86 %, and her respiratory rate is 30.",
    ),
    Line(
        "She is anxious, and can only speak in short phrases.",
        "She is anxious, and can only speak in short phrases.",
    ),
    Line(
        "You place a linear probe on the front of her chest.",
        "You place a linear probe on the front of her chest.",
    ),
]
CARDIAC_INTRO = [
    Line(
        "A 52-year-old man presents with worsening shortness of breath.",
        "A 52-year-old man presents with worsening shortness of breath.",
    ),
    Line(
        "Two weeks ago, he had a viral illness with fever and a sore throat.",
        "Two weeks ago, he had a viral illness with fever and a sore throat.",
    ),
    Line("His blood pressure is 86 over 58.", "His blood pressure is 86/58."),
    Line(
        "His heart sounds are muffled, and his neck veins are distended.",
        "His heart sounds are muffled, and his neck veins are distended.",
    ),
    Line("You perform a focused cardiac ultrasound.", "You perform a focused cardiac ultrasound."),
]
ENCOUNTER = [
    Line(
        "Thirty four year old rider, high speed crash.",
        "Doctor: 34-year-old rider, high-speed crash.",
        DOCTOR_VOICE,
        0.4,
    ),
    Line(
        "Heart rate's climbing. He's getting pale.",
        "Nurse: Heart rate's climbing. He's getting pale.",
        NURSE_VOICE,
    ),
    Line("Pressure's down to 78 over 44.", "Nurse: Pressure's down to 78/44.", NURSE_VOICE, 8.1),
    Line(
        "Get the ultrasound. We'll do a FAST.",
        "Doctor: Get the ultrasound. We'll do a FAST.",
        DOCTOR_VOICE_QUICK,
    ),
]
ENCOUNTER_S = 14.0
BP_DROP_S = 8.0
