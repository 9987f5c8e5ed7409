"""What a station database is called and which schema revisions this version knows.

Kept free of SQLAlchemy so the window's first screen can read the station's name and
clerks before the ORM is loaded (clerk.store.peek).
"""

DB_FILENAME = "stationdesk.sqlite3"
# The newest migration in clerk/store/migrations/versions (tests/clerk/test_store.py
# checks both constants against the scripts).
HEAD_REVISION = "0013_provisional_index"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0007",
                   "0008_consultations", "0009_case_tally", "0010_case_list_indexes",
                   "0011_sync_outbox", "0012_case_clock", "0013_provisional_index")
