"""`python -m pocus_player.board`: the board's results tool on its own."""

from __future__ import annotations

import sys

from pocus_player.board.results import main

if __name__ == "__main__":
    sys.exit(main())
