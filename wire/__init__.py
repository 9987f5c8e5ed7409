"""The HTTP/JSON protocol between the station, the district service and the district
mode of the workstation: pydantic schemas only, shared by both sides.

`wire.protocol` holds the sync protocol (push, pull, blobs, ledger, enrollment, catalog
and calendar) and the case API; `wire.staff` the district staff views (review queue,
supervision board, ratings, reports). Neither side owns it, so the district never
imports the station's client and the client never imports the district.
"""
