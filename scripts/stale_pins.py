"""Print the installed distributions that constraints.txt no longer pins (one per line).

ensure_venv uninstalls them before installing the pinned set: a package dropped from the
pins (PySide6_Pdf and PySide6_WebEngine of PySide6 6.12, whose modules PySide6_Addons
6.11 holds again) would otherwise stay and overwrite the pinned one's files.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import distributions
from pathlib import Path

KEEP = {"pip", "setuptools", "wheel", "stationdesk"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main(constraints: str) -> int:
    pinned = {_norm(line.split("==", 1)[0]) for line in Path(constraints).read_text().splitlines()
              if "==" in line and not line.lstrip().startswith("#")}
    installed = {_norm(d.metadata["Name"]) for d in distributions() if d.metadata["Name"]}
    for name in sorted(installed - pinned - KEEP):
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
