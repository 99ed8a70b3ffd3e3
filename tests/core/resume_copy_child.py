"""A sitting to kill: the cardiac demo case, two checkpoints answered, then it waits.

Run as `python resume_copy_child.py RESULTS_DIR`; prints `ready` once the responses
are on disk, then sleeps until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pocus_player.core.clock import VirtualClock
from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.loader import load_case
from pocus_player.core.session import ExamSession
from pocus_player.resources import cases_dir, demo_board_recipient


def main() -> None:
    case = load_case(cases_dir() / "cardiac-effusion.yaml")
    journal = EncryptedJournal.create(
        recipient=demo_board_recipient(),
        case_id=case.meta.id,
        candidate_id="C77",
        results_dir=Path(sys.argv[1]),
    )
    clock = VirtualClock(100.0)
    session = ExamSession(case, clock, journal)
    session.start()
    clock.advance(21.0)
    session.segment_reached_checkpoint("cp-view")
    session.submit({"q-first-view": {"choice": "suprasternal"}})
    print("ready", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
