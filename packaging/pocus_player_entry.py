"""The frozen app's entry point: the same `pocus-player` command as an installed package."""

import sys

from pocus_player.cli import main

if __name__ == "__main__":
    sys.exit(main())
