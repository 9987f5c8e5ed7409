"""The station side of the sync protocol (DESIGN section 8).

The pydantic models both the district service and this client use live in `wire`;
`sync.engine.sync_round` runs one full round (blobs, push, pull, catalog, calendar).
Nothing here imports `district/` or Qt.
"""
