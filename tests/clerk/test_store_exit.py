"""A program that ends with its store still open ends cleanly.

Found while measuring (issue 19): a process that opened the station's store and exited
while the background integrity check was still reading (seconds, on 100,000 cases) died
with SIGSEGV, 4 times in 4: the check went on decrypting pages in SQLite while the
process tore down what SQLCipher's cipher needs. The window and the command line close
the store themselves; an exit on any other path (an error during start, a script) must
not crash either, so a store still open at exit is closed first (its check stopped).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from clerk.store import DB_FILENAME

# The child makes its store larger than the check's page cache (so the check reads and
# decrypts pages from the file), keeps its check reading until the store is closed
# (quick_check over and over: a test store is checked in a fraction of a second), and
# exits without closing anything. The check writes down whether it saw the close.
_CHILD = textwrap.dedent("""
    import sys, threading, time
    from pathlib import Path
    from clerk.settings import write_text
    from clerk.store import db

    KEY = bytes(range(32))
    filled = db.Store.open(Path(sys.argv[1]), key=KEY)
    with filled.write() as s:
        for n in range(1500):
            write_text(s, f"test.filler.{n}", "填" * 4000)
    filled.close()

    reading = threading.Event()
    check_once = db.Store.integrity_problem

    def long_check(self, *, background=False):
        while True:
            try:
                problem = check_once(self, background=background)
            except Exception:  # interrupted by close
                problem = None
            reading.set()
            if problem is not None or self.closing:
                Path(sys.argv[2]).write_text("stopped by close")
                return problem

    db.Store.integrity_problem = long_check
    store = db.Store.open(Path(sys.argv[1]), key=KEY)
    if not reading.wait(30):
        sys.exit(3)
    time.sleep(0.02)  # the check is into its next pass over the file
    print("exiting with the check still reading", flush=True)
""")


def test_exit_with_the_store_open_while_its_check_reads(tmp_path: Path) -> None:
    marker = tmp_path / "check-ended"
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / DB_FILENAME),
                           str(marker)], capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.stdout.strip() == "exiting with the check still reading", proc.stderr[-500:]
    # The store was closed before the interpreter's teardown: the check saw it and ended.
    assert marker.exists(), proc.stderr[-800:]
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-800:])
    assert "ERROR" not in proc.stderr, proc.stderr[-800:]  # SQLCipher's own complaints
