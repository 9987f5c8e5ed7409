"""Qt widget tests run offscreen: no display needed, same rendering as on screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
