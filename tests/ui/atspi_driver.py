"""A screen reader's walk through one practice case, from outside the process, over AT-SPI.

Run by Debian's /usr/bin/python3 (pyatspi comes from `python3-pyatspi`, not the
project's virtual environment), inside a D-Bus session that `test_atspi.py`
starts. It starts the accessibility bus and the application itself, then, using
only what AT-SPI offers (names, roles, states, descriptions, accessible actions,
editable text and keyboard events), unlocks the PIN screen, sets up a candidate,
and answers every question of the case: choices by their Press action, the
hotspot and the caliper from the keyboard, the ordering by its move buttons and
the keyboard. On every screen it checks that each interactive node has a name and
a role and that at most one node is focused. The last line on stdout is a JSON
report; the exit status is 0 when the walk reached the end screen.

    /usr/bin/python3 tests/ui/atspi_driver.py PIN CASES -- APP_COMMAND...

CASES is one word per case of the exam, comma-separated: "whole" walks the case
to its end screen; a question type ("ordering") walks it up to the feedback on
the first question of that type and stops there.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_MENU_ITEM,
}
NO_ROLE = {pyatspi.ROLE_INVALID, pyatspi.ROLE_UNKNOWN}

# X keysyms, for Registry.generateKeyboardEvent(..., KEY_SYM).
KEYSYM = {
    "Return": 0xFF0D,
    "Tab": 0xFF09,
    "Left": 0xFF51,
    "Up": 0xFF52,
    "Right": 0xFF53,
    "Down": 0xFF54,
    "p": 0x70,
}
# X keycodes of the modifiers in Xvfb's default (evdev) keymap, held down around a key.
KEYCODE = {"Control": 37, "Shift": 50}

APP_NAME = "pocus-player"


class WalkFailed(Exception):
    """The walk could not go on: what was looked for and what the screen showed."""


class Walk:
    """The state of one walk: the application node and what each screen showed."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.screens: dict[str, dict[str, Any]] = {}
        self.heard: dict[str, str] = {}
        self.announcements: list[str] = []
        self.pin = ""
        pyatspi.Registry.registerEventListener(self._on_announcement, "object:announcement")

    def _on_announcement(self, event: Any) -> None:
        self.announcements.append(str(event.any_data))

    # -- reading ------------------------------------------------------------------

    def nodes(self) -> Iterator[Any]:
        """Every showing node of the application's showing windows."""
        stack = [child for child in self.app if child is not None]
        while stack:
            node = stack.pop()
            try:
                states = node.getState()
                if not states.contains(pyatspi.STATE_SHOWING):
                    continue
                children = [c for c in node if c is not None]
            except Exception:  # a node that went away while being read
                continue
            yield node
            stack.extend(reversed(children))

    def find(self, pred: Callable[[Any], bool], what: str, timeout: float = 20.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            for node in self.nodes():
                try:
                    if pred(node):
                        return node
                except Exception:
                    continue
            if time.monotonic() > deadline:
                raise WalkFailed(f"not found: {what}\n{self.dump()}")
            pump(0.2)

    def find_named(self, role: int, name: str | re.Pattern[str], timeout: float = 20.0) -> Any:
        def match(node: Any) -> bool:
            if node.getRole() != role:
                return False
            if isinstance(name, str):
                return bool(node.name == name)
            return bool(name.search(node.name or ""))

        return self.find(match, f"{pyatspi.Role(role)} {name!r}", timeout)

    def dump(self) -> str:
        lines = []
        for node in self.nodes():
            try:
                lines.append(f"  {node.getRoleName()} {node.name!r} {node.description[:80]!r}")
            except Exception:
                continue
        return "\n".join(lines[:200])

    def check_screen(self, label: str) -> dict[str, Any]:
        """Every interactive node has a name and a role; at most one node is focused."""
        interactive, unnamed, focused = 0, [], []
        for node in self.nodes():
            try:
                role, states = node.getRole(), node.getState()
                name = (node.name or "").strip()
            except Exception:
                continue
            if states.contains(pyatspi.STATE_FOCUSED):
                focused.append(f"{node.getRoleName()} {name!r}")
            if role in INTERACTIVE_ROLES or states.contains(pyatspi.STATE_FOCUSABLE):
                interactive += 1
                if not name or role in NO_ROLE:
                    unnamed.append(f"{node.getRoleName()} {name!r} {node.description[:40]!r}")
        seen = {"interactive": interactive, "unnamed": unnamed, "focused": focused}
        self.screens[label] = seen
        return seen

    # -- acting ---------------------------------------------------------------------

    def press(self, name: str | re.Pattern[str], timeout: float = 20.0) -> None:
        """Press a push button (or toggle a check box) through its accessible action."""
        roles = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON)

        def match(node: Any) -> bool:
            if node.getRole() not in roles or not node.getState().contains(pyatspi.STATE_ENABLED):
                return False
            return bool(node.name == name if isinstance(name, str) else name.search(node.name))

        node = self.find(match, f"enabled control {name!r}", timeout)
        act(node)

    def type_into(self, name: str, text: str) -> None:
        node = self.find(
            lambda n: n.name == name
            and n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_ENTRY),
            f"text field {name!r}",
        )
        node.queryEditableText().setTextContents(text)

    def focus(self, node: Any) -> None:
        node.queryComponent().grabFocus()
        deadline = time.monotonic() + 5
        while not node.getState().contains(pyatspi.STATE_FOCUSED):
            if time.monotonic() > deadline:
                raise WalkFailed(f"{node.name!r} did not take the focus")
            time.sleep(0.05)


def act(node: Any, action: str | None = None) -> None:
    actions = node.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    index = names.index(action) if action in names else 0
    if not actions.doAction(index):
        raise WalkFailed(f"action {names[index]!r} of {node.name!r} failed")


def pump(seconds: float) -> None:
    """Wait, delivering the accessibility events that arrive meanwhile (announcements)."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def key(name: str, *modifiers: str) -> None:
    for modifier in modifiers:
        pyatspi.Registry.generateKeyboardEvent(KEYCODE[modifier], None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYSYM[name], None, pyatspi.KEY_SYM)
    for modifier in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(KEYCODE[modifier], None, pyatspi.KEY_RELEASE)
    pump(0.08)


def wait_for(cond: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise WalkFailed(f"timed out: {what}")
        pump(0.1)


# -- the questions ----------------------------------------------------------------------


def retried(answer: Callable[[Walk, str], None]) -> Callable[[Walk, str], None]:
    """Answer again when a node went away under the walk (the screen was still changing)."""

    def run(walk: Walk, label: str) -> None:
        for attempt in range(5):
            try:
                answer(walk, label)
                return
            except Exception as exc:  # GLib.GError: the object path is gone; or not there yet
                if attempt == 4:
                    raise WalkFailed(f"{label}: {exc}") from exc
                time.sleep(0.3)

    return run


def answer_choice(walk: Walk, label: str) -> None:
    """Single best answer / multiple response: options are radio buttons or check boxes."""
    options = [
        n
        for n in walk.nodes()
        if n.getRole() in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)
        and n.name.startswith("Option ")
    ]
    if not options:
        raise WalkFailed(f"{label}: no options\n{walk.dump()}")
    chosen = options[1] if len(options) > 1 else options[0]
    act(chosen)
    wait_for(lambda: chosen.getState().contains(pyatspi.STATE_CHECKED), f"{chosen.name} checked")
    walk.heard[label] = chosen.name


def canvas(walk: Walk, prefix: str) -> Any:
    return walk.find(lambda n: (n.name or "").startswith(prefix), f"image {prefix!r}")


def answer_hotspot(walk: Walk, label: str) -> None:
    image = canvas(walk, "Image to mark")
    walk.focus(image)
    for _ in range(3):
        key("Right")
    key("Return")  # place the marker at the keyboard cursor
    wait_for(lambda: "Marker 1 at" in image.description, "a marker is placed")
    described = re.search(r"Marker 1 at [^.]*\.", image.description)
    status = walk.find(lambda n: (n.name or "").startswith("Marker status: "), "marker status")
    assert "Marker 1 at" in status.name, status.name
    walk.heard[label] = described.group(0) if described else image.description


def answer_caliper(walk: Walk, label: str) -> None:
    image = canvas(walk, "Image to measure")
    walk.focus(image)
    key("Return")  # endpoint 1 where the cursor is
    wait_for(lambda: "Endpoint 1 at" in image.description, "endpoint 1 is placed")
    key("Tab")  # on to endpoint 2
    for _ in range(12):
        key("Down")
    key("Return")
    wait_for(lambda: "Endpoint 2 at" in image.description, "endpoint 2 is placed")
    wait_for(lambda: "Measurement: " in image.description, "a measurement is read")
    reading = re.search(r"Measurement: [\d.]+ \w+", image.description)
    walk.heard[label] = reading.group(0) if reading else image.description


def answer_ordering(walk: Walk, label: str) -> None:
    first = walk.find(lambda n: (n.name or "").startswith("Position 1 of "), "item at position 1")
    text = first.name.split(": ", 1)[1]
    walk.focus(first)
    walk.press("Move down")
    walk.find(
        lambda n: (n.name or "").startswith("Position 2 of ") and n.name.endswith(text),
        f"{text!r} at position 2",
    )
    grips = [n for n in walk.nodes() if n.name == "⠿"]
    if grips:
        raise WalkFailed("a drag handle is read as its braille glyph")
    status = walk.find(lambda n: (n.name or "").startswith("Order status: "), "order status")
    walk.heard[label] = status.name


def question_kind(walk: Walk) -> str:
    for node in walk.nodes():
        name = node.name or ""
        if name.startswith("Image to mark"):
            return "hotspot"
        if name.startswith("Image to measure"):
            return "caliper"
        if name.startswith("Position 1 of "):
            return "ordering"
        if node.getRole() == pyatspi.ROLE_CHECK_BOX and name.startswith("Option "):
            return "multiple_response"
        if node.getRole() == pyatspi.ROLE_RADIO_BUTTON and name.startswith("Option "):
            return "single_best_answer"
    raise WalkFailed(f"no question on screen\n{walk.dump()}")


ANSWER = {
    "single_best_answer": answer_choice,
    "multiple_response": answer_choice,
    "hotspot": answer_hotspot,
    "caliper": answer_caliper,
    "ordering": answer_ordering,
}

def answer_current(walk: Walk, label: str) -> str:
    """Answer the question on screen; its type, read from the tree."""
    kinds: list[str] = []

    @retried
    def attempt(walk: Walk, label: str) -> None:
        kind = question_kind(walk)
        ANSWER[kind](walk, f"{label} {kind}")
        kinds.append(kind)

    attempt(walk, label)
    return kinds[-1]


def is_stem(node: Any) -> bool:
    """The question being asked: a label named "Question", the stem in its description."""
    return bool(
        node.name == "Question" and node.getRole() == pyatspi.ROLE_LABEL and node.description
    )


def answer_checkpoint(walk: Walk, number: int) -> list[str]:
    """Answer every question of the open checkpoint, then submit and confirm."""
    kinds = []
    index = 0
    while True:
        index += 1
        stem = walk.find(is_stem, "a question", timeout=60).description
        kind = answer_current(walk, f"checkpoint {number} question {index}")
        label = f"checkpoint {number} question {index} {kind}"
        print(label, file=sys.stderr, flush=True)
        walk.check_screen(label)
        kinds.append(kind)
        button = walk.find(
            lambda n: n.getRole() == pyatspi.ROLE_PUSH_BUTTON
            and n.name in ("Next question", "Submit answers")
            and n.getState().contains(pyatspi.STATE_ENABLED),
            "Next question or Submit answers",
        )
        if button.name == "Submit answers":
            break
        act(button)
        walk.find(lambda n, s=stem: is_stem(n) and n.description != s, "the next question")
    walk.press("Submit answers")
    walk.press("Yes, submit")
    return kinds


def feedback(walk: Walk, number: int) -> None:
    body = walk.find(
        lambda n: n.name == "Feedback"
        and n.getRole() == pyatspi.ROLE_LABEL
        and n.getState().contains(pyatspi.STATE_FOCUSABLE),
        "the feedback",
    )
    wait_for(lambda: bool(body.description), "the feedback text")
    if "<" in body.description:
        raise WalkFailed(f"feedback read as markup: {body.description[:120]!r}")
    walk.heard[f"feedback {number}"] = body.description[:200]
    walk.check_screen(f"feedback {number}")
    walk.press("Continue")


def set_up(walk: Walk, pin: str) -> None:
    """The proctor's part: PIN, candidate, preflight, hand-over."""
    walk.check_screen("pin")
    walk.type_into("Proctor PIN", pin)
    walk.press("Unlock")
    walk.find_named(pyatspi.ROLE_TEXT, "Candidate ID")
    walk.check_screen("setup")
    walk.type_into("Candidate ID", "C-4711")
    walk.type_into("Candidate name", "Screen Reader")
    walk.press("Run preflight")
    walk.press("Tone heard", timeout=60)
    walk.check_screen("preflight")
    walk.press("Start exam")


def pause_and_resume(walk: Walk, pin: str) -> None:
    """The proctor, called with Ctrl+Shift+P, pauses the exam and resumes it: both are
    announced to the screen reader, whatever has the focus."""
    key("p", "Control", "Shift")
    walk.find_named(pyatspi.ROLE_PASSWORD_TEXT, "Proctor PIN")
    walk.type_into("Proctor PIN", pin)
    walk.press("Unlock")
    walk.press("Pause exam")
    wait_for(lambda: any("paused" in a for a in walk.announcements), "the pause announced")
    walk.check_screen("proctor panel")
    walk.press("Resume exam")
    wait_for(lambda: any("goes on" in a for a in walk.announcements), "the resume announced")
    walk.press("Close proctor panel")


def walk_case(walk: Walk, case: int, until: str) -> tuple[list[str], str | None]:
    """Instructions, encounter, every checkpoint (with its feedback) and the end screen;
    or, with `until` a question type, up to the feedback on that type (no receipt)."""
    walk.find_named(pyatspi.ROLE_PUSH_BUTTON, "Begin the case", timeout=60)
    walk.check_screen(f"case {case} instructions")
    walk.press("Begin the case")
    walk.find_named(pyatspi.ROLE_PUSH_BUTTON, "Written script")
    walk.check_screen(f"case {case} encounter")
    if case == 2:
        pause_and_resume(walk, walk.pin)
    kinds: list[str] = []
    number = 0
    while True:
        found = walk.find(
            lambda n: is_stem(n) or (n.name or "").startswith("Receipt code: "),
            "a checkpoint or the end screen",
            timeout=90,
        )
        if found.name.startswith("Receipt code: "):
            break
        number += 1
        kinds += answer_checkpoint(walk, case * 100 + number)
        try:
            feedback(walk, case * 100 + number)
        except WalkFailed as exc:
            if "not found" not in str(exc):
                raise
        if until in kinds:
            return kinds, None
    receipt = walk.find(lambda n: (n.name or "").startswith("Receipt code: "), "the receipt")
    walk.check_screen(f"case {case} end")
    return kinds, receipt.name


def run(walk: Walk, pin: str, cases: list[str]) -> dict[str, Any]:
    """`cases`: per case of the exam, "whole" or the question type to walk up to."""
    walk.pin = pin
    set_up(walk, pin)
    kinds: list[str] = []
    receipts = []
    for case, until in enumerate(cases, 1):
        if case > 1:
            walk.press("Next case")
        case_kinds, receipt = walk_case(walk, case, until)
        kinds += case_kinds
        if receipt is not None:
            receipts.append(receipt)
    return {
        "application": {"name": walk.app.name, "description": walk.app.description},
        "kinds": kinds,
        "receipts": receipts,
        "heard": walk.heard,
        "announced": walk.announcements,
        "screens": walk.screens,
    }


def find_app(timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.name == APP_NAME and app.childCount:
                    return app
            except Exception:
                continue
        time.sleep(0.3)
    raise WalkFailed("the application never appeared on the accessibility bus")


def main(argv: list[str]) -> int:
    pin, cases, command = argv[0], argv[1].split(","), argv[argv.index("--") + 1 :]
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    time.sleep(0.5)
    app_process = subprocess.Popen(command, env=env)
    report: dict[str, Any] = {}
    status = 1
    try:
        walk = Walk(find_app())
        report = run(walk, pin, cases)
        status = 0
    except Exception as exc:  # the report says what went wrong; the test shows it
        report = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        bus.terminate()
        bus.wait(10)
    print(json.dumps(report), flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
