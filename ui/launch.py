"""StationDesk workstation entry point: parse arguments, check the display, start Qt.

main.py (the checkout's launcher, used by ./run) and the `stationdesk` console script of
the wheel and the .deb both call main() here.

Heavy modules (SQLAlchemy, reportlab, the UI pages) are imported only after the
arguments are parsed, so `--help` and the no-display message are instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="stationdesk", description="StationDesk 便民服务站窗口工作台")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="station data directory (default: $STATIONDESK_DATA_DIR or the "
                        "platform's user-data directory)")
    p.add_argument("--screenshot", type=Path, default=None, metavar="FILE.png",
                   help="render the main window offscreen, save it as PNG and exit")
    p.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    p.add_argument("--demo", action="store_true",
                   help="on first start, create a demo station with generated demo data and "
                        "sign in as its admin")
    p.add_argument("--page", default=None,
                   help="with --screenshot: the page to show (intake, cases, tasks, "
                        "applicants, catalog, reports, settings, sync; in district mode: "
                        "queue, mine, board, ratings, reports, stations, accounts, "
                        "publish, security)")
    p.add_argument("--district", default=None, metavar="URL",
                   help="district mode: sign in to the district service at URL (reviewers, "
                        "proxy agents, admins); STATIONDESK_USER / STATIONDESK_PASSWORD sign "
                        "in at once")
    p.add_argument("--ca-bundle", default=None, metavar="FILE.pem",
                   help="district mode: CA certificates for a district-internal CA")
    return p.parse_args(list(argv))


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


NO_DISPLAY = """\
StationDesk needs a display, and this session has none (no DISPLAY or WAYLAND_DISPLAY).
  - On a desktop: run it from the desktop session.
  - Headless, with a virtual display:   xvfb-run -a ./run
  - Just to look at the window:         ./run --screenshot shot.png
"""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 1366x768, not {args.size!r}", file=sys.stderr)
        return 2
    from ui.app import run_app

    if args.district is not None:
        from ui.app import run_district

        return run_district(args.district, screenshot=args.screenshot, size=(width, height),
                            page=args.page, ca_bundle=args.ca_bundle)
    return run_app(data_dir=args.data_dir, screenshot=args.screenshot, size=(width, height),
                   demo=args.demo, page=args.page)


if __name__ == "__main__":  # pragma: no cover - python -m ui.launch
    sys.exit(main())
