"""`python -m pocus_player` runs the same command as `pocus-player`."""

import sys

from pocus_player.cli import main

sys.exit(main())
