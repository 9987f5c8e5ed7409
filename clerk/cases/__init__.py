"""Cases: the one state machine, events and their hash chain, checklists, the projection,
and the station's case operations and queries."""
