"""The station side of the sync protocol (DESIGN section 8) and the wire schemas.

`sync.wire` holds the pydantic models both the district service and this client use;
`sync.engine.sync_round` runs one full round (blobs, push, pull, catalog, calendar).
Nothing here imports `district/` or Qt.
"""
