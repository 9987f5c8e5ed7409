"""StationDesk workstation launcher for a git checkout (./run); the logic is ui.launch."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
