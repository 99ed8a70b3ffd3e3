"""A journal writer to kill: appends responses in a loop, printing each acknowledged seq.

Run as `python journal_crash_child.py RESULTS_DIR RECIPIENT_FILE [MAX_RECORDS]`. It
resumes the unfinished session in RESULTS_DIR if there is one (printing
`resumed <last_seq> <n from the resume state>`), else starts one. Each
response carries `n`; the line `ack <seq> <n>` is printed (and flushed) only
after `append` returned, i.e. after the record is durable. With MAX_RECORDS it
submits after that many responses and prints `receipt <code>`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pocus_player.core.journal import EncryptedJournal
from pocus_player.core.resume import find_unfinished


def main() -> None:
    results_dir, recipient = Path(sys.argv[1]), Path(sys.argv[2])
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    unfinished = find_unfinished(results_dir)
    if unfinished:
        journal = EncryptedJournal.resume(unfinished[0], recipient=recipient)
        state = journal.resume_state or {}
        n = int(state.get("n", 0))
        print(f"resumed {journal.last_seq} {n}", flush=True)
    else:
        journal = EncryptedJournal.create(
            recipient=recipient, case_id="crash", candidate_id="C1", results_dir=results_dir
        )
        journal.append("start", {"case_id": "crash", "candidate_id": "C1"}, {"n": 0})
        n = 0
        print(f"ack {journal.last_seq} 0", flush=True)
    while limit is None or n < limit:
        n += 1
        payload = {"question_id": f"q{n}", "response": {"choice": "b"}, "n": n}
        journal.append("response", payload, {"n": n})
        print(f"ack {journal.last_seq} {n}", flush=True)
    print(f"receipt {journal.submit({'n': n}, {'n': n})}", flush=True)


if __name__ == "__main__":
    main()
